// PBKDF2 past the 100,000 iterations that deployed Workers allow WebCrypto, timed inside
// workerd (through Miniflare): the project's derivation (WebCrypto to the cap, then its own
// HMAC chain for SHA-1 and SHA-256, or WebCrypto's HMAC for SHA-512) against one WebCrypto HMAC
// per iteration and @noble/hashes' PBKDF2, at Django's 260,000 and 5.2's 1,000,000
// iterations and at the project's cap of 2,000,000. Run: npm run bench:pbkdf2-cap
import { MAX_PBKDF2_ITERATIONS } from '../shared/passwords/pbkdf2-derive'
import type { CapCase, CapResult } from './pbkdf2-cap-worker'
import { COMPATIBILITY_DATE, runInWorkerd } from './run-in-workerd'
import { report } from './support'

const DJANGO_3_2 = 260_000
const DJANGO_5_2 = 1_000_000

const ways = ['project', 'webcrypto-hmac', 'noble'] as const
const cases: CapCase[] = [
  ...[DJANGO_3_2, DJANGO_5_2, MAX_PBKDF2_ITERATIONS].flatMap((iterations) =>
    ways.map((way) => ({ hash: 'SHA-256' as const, iterations, way })),
  ),
  { hash: 'SHA-1', iterations: MAX_PBKDF2_ITERATIONS, way: 'project' },
  { hash: 'SHA-1', iterations: MAX_PBKDF2_ITERATIONS, way: 'webcrypto-hmac' },
  { hash: 'SHA-512', iterations: MAX_PBKDF2_ITERATIONS, way: 'project' },
]

const query = new URLSearchParams({ cases: JSON.stringify(cases) })
const entry = new URL('./pbkdf2-cap-worker.ts', import.meta.url)
const results = (await runInWorkerd(entry, query)) as CapResult[]

console.log(`workerd (Miniflare, compatibility date ${COMPATIBILITY_DATE}), fastest of 2 runs:`)
console.log('| hash | iterations | computed by | time |\n|---|---:|---|---:|')
for (const { hash, iterations, way, ms } of results) {
  console.log(`| ${hash} | ${iterations.toLocaleString('en')} | ${way} | ${seconds(ms)} |`)
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`
}
function find(hash: string, iterations: number, way: string): number {
  const found = results.find((r) => r.hash === hash && r.iterations === iterations && r.way === way)
  if (!found) throw new Error(`no result for ${hash} ${iterations} ${way}`)
  return found.ms
}

report('pbkdf2-cap', [
  {
    what: 'PBKDF2-SHA256 at 1,000,000 iterations (Django 5.2) in workerd',
    value: seconds(find('SHA-256', DJANGO_5_2, 'project')),
    against: `WebCrypto HMAC per iteration past 100,000: ${seconds(find('SHA-256', DJANGO_5_2, 'webcrypto-hmac'))}; @noble/hashes PBKDF2: ${seconds(find('SHA-256', DJANGO_5_2, 'noble'))}`,
  },
  {
    what: `PBKDF2 at the cap of ${MAX_PBKDF2_ITERATIONS.toLocaleString('en')} iterations in workerd`,
    value: `SHA-256 ${seconds(find('SHA-256', MAX_PBKDF2_ITERATIONS, 'project'))}, SHA-1 ${seconds(find('SHA-1', MAX_PBKDF2_ITERATIONS, 'project'))}, SHA-512 ${seconds(find('SHA-512', MAX_PBKDF2_ITERATIONS, 'project'))}`,
    against: "about 1.5 s that Corbado's 3 s leave a verify after the store's 1.5 s",
  },
])
