// The app's own CPU cost per request, in one process: each app answers the same
// authMethods call, handed over as a Lambda event (HTTP API payload) through
// functions/aws/event-adapter.ts, with no socket, HTTP parser or load generator in the
// way, first with warm caches, then with caches cooled before each call. Beside
// bench/throughput.ts, it shows how much of the gap to a bare Hono server is the webhook's
// own work. Run: npm run bench:app
import type { Context } from 'aws-lambda'
import type { Hono } from 'hono'
import { type EventHandler, handleEvents } from '../functions/aws/event-adapter'
import type { LambdaEvent } from '../functions/aws/lambda-event'
import type { AppEnv } from '../shared/app/app-env'
import { AUTH_METHODS_CALL, bareApp, readingApp, webhookApp } from './servers/apps'
import { report } from './support'

const CALLS_PER_BATCH = 20_000
const ROUNDS = 15

const { body, headers } = AUTH_METHODS_CALL
const event = {
  version: '2.0',
  rawPath: '/webhook',
  rawQueryString: '',
  headers: { ...headers, host: 'bench.local', 'content-length': String(Buffer.byteLength(body)) },
  requestContext: { http: { method: 'POST', path: '/webhook' } },
  body,
  isBase64Encoded: false,
} as unknown as LambdaEvent
const lambdaContext = { awsRequestId: 'bench' } as Context

// The reference apps keep Hono's default environment; the adapter reads none of it.
const handlers: [string, EventHandler][] = [
  ['bare Hono, fixed JSON', handleEvents(bareApp() as unknown as Hono<AppEnv>)],
  ['Hono reading headers and body', handleEvents(readingApp() as unknown as Hono<AppEnv>)],
  ['webhook', handleEvents(webhookApp())],
  ['webhook without its log line', handleEvents(webhookApp({ isLogged: false }))],
]

for (const [name, handle] of handlers) {
  const result = await handle(event, lambdaContext)
  if (result.statusCode !== 200 || !result.body.includes('"exists"')) {
    throw new Error(`${name} answered ${result.statusCode}: ${result.body}`)
  }
}

/**
 * Each app's fastest batch, in µs per call. Rounds alternate between the apps, so that a
 * change in the machine's load hits them all alike; the work is the same every call, and
 * whatever else runs on the machine only adds time. Only the calls are timed, never
 * `beforeEach`.
 */
async function fastestBatches(calls: number, beforeEach?: () => void): Promise<number[]> {
  const fastest = handlers.map(() => Number.POSITIVE_INFINITY)
  for (let round = 0; round < ROUNDS; round++) {
    for (const [i, [, handle]] of handlers.entries()) {
      let elapsedMs = 0
      for (let call = 0; call < calls; call++) {
        beforeEach?.()
        const started = performance.now()
        await handle(event, lambdaContext)
        elapsedMs += performance.now() - started
      }
      fastest[i] = Math.min(fastest[i] as number, (elapsedMs * 1000) / calls)
    }
  }
  return fastest
}

// A server does other work between two requests (the socket, the HTTP parser, other
// connections), which leaves the caches cold for the next. Touching every cache line of
// 8 MiB before each call does the same here: it evicts the per-core caches (64 KiB L1 and
// 2 MiB L2 on the development machine) and much of what the L3 held.
const SWEEP_BYTES = 8 * 1024 * 1024
const CACHE_LINE_BYTES = 64
const COLD_CALLS_PER_BATCH = 2_000
const sweep = new Uint8Array(SWEEP_BYTES)
function coolCaches() {
  for (let i = 0; i < SWEEP_BYTES; i += CACHE_LINE_BYTES) sweep[i] = (sweep[i] as number) + 1
}

const hot = await fastestBatches(CALLS_PER_BATCH)
const cold = await fastestBatches(COLD_CALLS_PER_BATCH, coolCaches)

const us = (value = 0) => `${value.toFixed(1)} µs`
const figure = (label: string, [bare, reading, webhook, unlogged]: number[]) => ({
  what: `authMethods in one process, Lambda event to result, ${label}`,
  value: `webhook ${us(webhook)}; without its log line ${us(unlogged)}`,
  against: `bare Hono fixed JSON: ${us(bare)}; Hono reading headers and body: ${us(reading)}`,
})
report('app-cost', [
  figure('fastest batch', hot),
  figure(`caches cooled before each call (${SWEEP_BYTES / 1024 / 1024} MiB swept)`, cold),
])
