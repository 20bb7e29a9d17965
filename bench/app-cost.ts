// The app's own CPU cost per request, in one process: each app answers the same
// authMethods call, handed over as a Lambda event (HTTP API payload) through
// functions/aws/event-adapter.ts, with no socket, HTTP parser or load generator in the
// way. Beside bench/throughput.ts, it shows how much of the gap to a bare Hono server is
// the webhook's own work. Run: npm run bench:app
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

// Rounds alternate between the apps, so that a change in the machine's load hits them
// all alike. Each figure is the fastest batch: the work is the same every call, and
// whatever else runs on the machine only adds time.
const fastestUs = handlers.map(() => Number.POSITIVE_INFINITY)
for (let round = 0; round < ROUNDS; round++) {
  for (const [i, [, handle]] of handlers.entries()) {
    const started = performance.now()
    for (let call = 0; call < CALLS_PER_BATCH; call++) await handle(event, lambdaContext)
    const us = ((performance.now() - started) * 1000) / CALLS_PER_BATCH
    fastestUs[i] = Math.min(fastestUs[i] as number, us)
  }
}

const [bareUs = 0, readingUs = 0, webhookUs = 0, unloggedUs = 0] = fastestUs
const us = (value: number) => `${value.toFixed(1)} µs`
report('app-cost', [
  {
    what: 'authMethods in one process, Lambda event to result, fastest batch',
    value: `webhook ${us(webhookUs)}; without its log line ${us(unloggedUs)}`,
    against: `bare Hono fixed JSON: ${us(bareUs)}; Hono reading headers and body: ${us(readingUs)}`,
  },
])
