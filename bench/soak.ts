// Soak: ten thousand mixed requests at a steady rate against the local server over
// loopback, every answer checked, with the heap measured after a full GC before and
// after. Run with --expose-gc (the npm script does).
import type { Server } from 'node:http'
import { serve } from '@hono/node-server'
import { createApp } from '../shared/app/create-app'
import { createJsonLogger } from '../shared/app/logger'
import { MemoryStore } from '../shared/store/memory-store'
import { parseUsers } from '../shared/store/users-file'
import { CONFORMANCE_CREDENTIALS, CONFORMANCE_USERS } from '../test/conformance/fixtures'
import { authMethodsCall, passwordVerifyCall } from '../test/conformance/requests'
import { report } from './support'

const REQUESTS = Number(process.env.BENCH_SOAK_REQUESTS ?? 10_000)
const RATE_PER_S = 500
// Bounded growth allowed for JIT code and caches that settle after the first minutes.
const TARGET_HEAP_GROWTH_MB = 2
// The fixtures' users are hashed at bcrypt cost 4; the timing hash matches them.
const TIMING_HASH = '$2b$04$b5/CwNDuHMWtLRhRscesW.vTvtd6ce5pqA92jrybyLW8GwxWter1W'

const gc = (globalThis as { gc?: () => void }).gc
if (!gc) throw new Error('run with node --expose-gc')

const app = createApp({
  credentials: CONFORMANCE_CREDENTIALS,
  store: new MemoryStore(parseUsers(CONFORMANCE_USERS).users),
  logger: createJsonLogger({ write: () => {} }),
  timingHash: TIMING_HASH,
})
const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }) as Server
await new Promise((resolve) => server.once('listening', resolve))
const { port } = server.address() as { port: number }

/** Each kind of call with the answer it must get: status and a fragment of the body. */
const MIX: [() => Request, number, string][] = [
  [() => authMethodsCall('existing@existing.com'), 200, '"status":"exists"'],
  [() => authMethodsCall('nonexisting@nonexisting.com'), 200, '"status":"not_exists"'],
  [() => authMethodsCall('blocked@existing.com'), 200, '"status":"blocked"'],
  [() => passwordVerifyCall('existing@existing.com', 'supersecret'), 200, '"success":true'],
  [() => passwordVerifyCall('existing@existing.com', 'wrong'), 200, '"success":false'],
  [() => passwordVerifyCall('nonexisting@nonexisting.com', 'x'), 200, '"success":false'],
  [() => authMethodsCall('existing@existing.com', { credentials: null }), 401, 'unauthorized'],
  [() => authMethodsCall('existing@existing.com', { action: 'nope' }), 400, 'invalid_action'],
]

async function send(index: number): Promise<string | undefined> {
  const [makeRequest, status, fragment] = MIX[index % MIX.length] as (typeof MIX)[number]
  const request = makeRequest()
  const response = await fetch(`http://127.0.0.1:${port}/webhook`, {
    method: 'POST',
    headers: request.headers,
    body: await request.text(),
  })
  const text = await response.text()
  if (response.status === status && text.includes(fragment)) return undefined
  return `request ${index}: got ${response.status} ${text.slice(0, 120)}`
}

// Idle keep-alive sockets, the client's and the server's, are closed first: their buffers
// depend on how many connections the client happened to open, not on the webhook.
async function heapMb(): Promise<number> {
  server.closeIdleConnections()
  await new Promise((resolve) => setTimeout(resolve, 100))
  gc?.()
  return process.memoryUsage().heapUsed / 2 ** 20
}

// Warm-up outside the measurement, in bursts, so that JIT code, connection pools and
// lazily built internals exist before the first heap reading.
const WARM_UP_BURSTS = 20
for (let burst = 0; burst < WARM_UP_BURSTS; burst++) {
  await Promise.all(Array.from({ length: 100 }, (_, i) => send(i)))
}
const heapBefore = await heapMb()

const startedAt = performance.now()
const pending: Promise<string | undefined>[] = []
for (let i = 0; i < REQUESTS; i++) {
  const dueAt = startedAt + (i * 1000) / RATE_PER_S
  const wait = dueAt - performance.now()
  if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait))
  pending.push(send(i))
}
const failures = (await Promise.all(pending)).filter((failure) => failure !== undefined)
const seconds = (performance.now() - startedAt) / 1000

const heapAfter = await heapMb()
server.close()

for (const failure of failures.slice(0, 10)) console.error(failure)
const growth = heapAfter - heapBefore
report('soak', [
  {
    what: `soak: ${REQUESTS} mixed requests at ${RATE_PER_S}/s`,
    value: `${REQUESTS - failures.length} right answers in ${seconds.toFixed(1)} s`,
    against: `${REQUESTS} sent`,
    target: 'every answer right',
    isMet: failures.length === 0,
  },
  {
    what: 'soak: heap after full GC',
    value: `${heapBefore.toFixed(1)} MB before, ${heapAfter.toFixed(1)} MB after`,
    against: 'before the run',
    target: `growth < ${TARGET_HEAP_GROWTH_MB} MB`,
    isMet: growth < TARGET_HEAP_GROWTH_MB,
  },
])
if (failures.length > 0) process.exitCode = 1
