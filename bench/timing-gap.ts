// Does timing tell an attacker anything? Two comparisons, each reported as the gap
// between medians:
// 1. passwordVerify for an unknown user against a known user with a wrong password,
//    through the whole app (lookup, verification, answer), demo users at bcrypt cost 10;
// 2. the webhook credential check for a right password against wrong ones that differ
//    at the first and at the last character, in batches of calls to time a fast loop.
import { credentialsMatch } from '../shared/app/basic-auth'
import { createApp } from '../shared/app/create-app'
import { DEMO_CREDENTIALS, DEMO_USERS } from '../shared/demo/demo-users'
import { MemoryStore } from '../shared/store/memory-store'
import { median, report } from './support'

const VERIFY_SAMPLES = Number(process.env.BENCH_VERIFY_SAMPLES ?? 40)
const AUTH_BATCHES = 200
const AUTH_BATCH_SIZE = 2_000
const TARGET_GAP = 0.05

const app = createApp({ credentials: DEMO_CREDENTIALS, store: new MemoryStore(DEMO_USERS) })
const authorization = `Basic ${btoa(`${DEMO_CREDENTIALS.username}:${DEMO_CREDENTIALS.password}`)}`

function verifyCall(username: string) {
  return new Request('http://bench/webhook', {
    method: 'POST',
    headers: {
      authorization,
      'x-corbado-action': 'passwordVerify',
      'content-type': 'application/json',
    },
    body: JSON.stringify({
      id: 'who-1',
      projectID: 'pro-1',
      action: 'passwordVerify',
      data: { username, password: 'not-the-password' },
    }),
  })
}

async function timeCall(username: string): Promise<number> {
  const startedAt = performance.now()
  const response = await app.fetch(verifyCall(username))
  const body = (await response.json()) as { data?: { success?: boolean } }
  if (body.data?.success !== false) throw new Error(`unexpected answer for ${username}`)
  return performance.now() - startedAt
}

// Interleaved, so that drift in the machine's load hits both sides alike.
const unknown: number[] = []
const known: number[] = []
await timeCall('existing@existing.com')
for (let i = 0; i < VERIFY_SAMPLES; i++) {
  unknown.push(await timeCall('nonexisting@nonexisting.com'))
  known.push(await timeCall('existing@existing.com'))
}

const secret = DEMO_CREDENTIALS.password
// Every candidate is a fresh flat string, as one decoded from a request header would be.
const fresh = (text: string) => new TextDecoder().decode(new TextEncoder().encode(text))
const candidates = {
  right: fresh(secret),
  wrongFirst: fresh(`x${secret.slice(1)}`),
  wrongLast: fresh(`${secret.slice(0, -1)}x`),
}
const batches: Record<keyof typeof candidates, number[]> = {
  right: [],
  wrongFirst: [],
  wrongLast: [],
}
for (let batch = 0; batch < AUTH_BATCHES; batch++) {
  for (const [name, password] of Object.entries(candidates) as [
    keyof typeof candidates,
    string,
  ][]) {
    const given = { username: DEMO_CREDENTIALS.username, password }
    const startedAt = performance.now()
    for (let i = 0; i < AUTH_BATCH_SIZE; i++) credentialsMatch(given, DEMO_CREDENTIALS)
    batches[name].push(((performance.now() - startedAt) / AUTH_BATCH_SIZE) * 1e6)
  }
}

const gap = (a: number, b: number) => Math.abs(a - b) / Math.min(a, b)
const verifyGap = gap(median(unknown), median(known))
const authRight = median(batches.right)
const authWrong = Math.max(median(batches.wrongFirst), median(batches.wrongLast))
const authGap = Math.max(
  gap(authRight, median(batches.wrongFirst)),
  gap(authRight, median(batches.wrongLast)),
)

report('timing-gap', [
  {
    what: 'passwordVerify, unknown user (median)',
    value: `${median(unknown).toFixed(1)} ms`,
    against: `known user, wrong password: ${median(known).toFixed(1)} ms (gap ${(verifyGap * 100).toFixed(1)} %)`,
    target: `gap < ${TARGET_GAP * 100} %`,
    isMet: verifyGap < TARGET_GAP,
  },
  {
    what: 'webhook credential check, right password (median)',
    value: `${authRight.toFixed(0)} ns`,
    against: `wrong at first or last character: ${authWrong.toFixed(0)} ns (gap ${(authGap * 100).toFixed(1)} %)`,
    target: `gap < ${TARGET_GAP * 100} %`,
    isMet: authGap < TARGET_GAP,
  },
])
