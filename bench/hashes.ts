import { benchCases } from './hashes-cases'
import { type BenchResult, measure, NODE_OPTIONS } from './hashes-measure'
import { COMPATIBILITY_DATE, runInWorkerd } from './run-in-workerd'
import { type Figure, report } from './support'

// Verifier time against its bare primitive on Node and inside workerd (through
// Miniflare, with the same compatibility date as wrangler.toml). Run: npm run bench:hashes,
// or `npm run bench:hashes -- scrypt-passlib pbkdf2-sha1-django` to measure a few formats.
const FORMATS = process.argv.slice(2)

function measureInWorkerd(): Promise<BenchResult[]> {
  const query = new URLSearchParams({ formats: FORMATS.join(',') })
  return runInWorkerd(new URL('./hashes-worker.ts', import.meta.url), query) as Promise<
    BenchResult[]
  >
}

function formatMs(ms: number): string {
  return Math.abs(ms) < 1 ? `${(ms * 1000).toFixed(1)} µs` : `${ms.toFixed(2)} ms`
}

function printTable(runtime: string, results: BenchResult[]): void {
  console.log(`\n${runtime}: time per call in the fastest batch\n`)
  console.log('| format | primitive | primitive alone | verifier | overhead | spread | added |')
  console.log('|---|---|---:|---:|---:|---:|---:|')
  for (const result of results) {
    const { format, primitive, verifyMs, bareMs, overheadPercent, spreadPercent, addedMs } = result
    const [overhead, spread] = [`${overheadPercent.toFixed(1)} %`, `± ${spreadPercent.toFixed(1)}`]
    const times = [formatMs(bareMs), formatMs(verifyMs), overhead, spread, formatMs(addedMs)]
    console.log(`| ${[format, primitive, ...times].join(' | ')} |`)
  }
}

// The summary keeps each runtime's worst overhead; the tables above hold every format.
const TARGET_OVERHEAD_PERCENT = 5

// Digests of a few microseconds are reported apart: there the parsing around the
// primitive is a large share of a negligible time.
const SLOW_PRIMITIVE_MS = 1

// A figure per runtime and kind; none for a kind that a run limited to some formats left out.
function worst(runtime: string, results: BenchResult[], label: string): Figure[] {
  const slowest = [...results].sort((a, b) => b.overheadPercent - a.overheadPercent)[0]
  if (!slowest) return []
  return [
    {
      what: `hash verifier overhead, worst ${label} on ${runtime}`,
      value:
        `${slowest.format}: ${slowest.overheadPercent.toFixed(1)} % ± ${slowest.spreadPercent.toFixed(1)}` +
        ` (${formatMs(slowest.addedMs)} added)`,
      against: `its bare primitive, ${slowest.primitive}: ${formatMs(slowest.bareMs)}`,
      target: `< ${TARGET_OVERHEAD_PERCENT} %`,
      isMet: slowest.overheadPercent < TARGET_OVERHEAD_PERCENT,
    },
  ]
}

const started = performance.now()
const onNode = await measure(benchCases(FORMATS), NODE_OPTIONS)
printTable(`Node ${process.version}`, onNode)
const onWorkerd = await measureInWorkerd()
printTable(`workerd (Miniflare, compatibility date ${COMPATIBILITY_DATE})`, onWorkerd)
console.log(`\ntotal ${((performance.now() - started) / 1000).toFixed(0)} s\n`)
const costly = (results: BenchResult[]) => results.filter((r) => r.bareMs >= SLOW_PRIMITIVE_MS)
if (onNode.length === 0 || onWorkerd.length === 0) {
  throw new Error('no hash benchmark results')
}
report('hashes', [
  ...worst('Node', costly(onNode), `format of ${SLOW_PRIMITIVE_MS} ms or more`),
  ...worst('Node', onNode, 'format'),
  ...worst('workerd', costly(onWorkerd), `format of ${SLOW_PRIMITIVE_MS} ms or more`),
  ...worst('workerd', onWorkerd, 'format'),
])
