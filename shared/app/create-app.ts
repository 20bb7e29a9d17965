import type { Context } from 'hono'
// Hono's smallest preset: its pattern router is plenty for three routes, and leaving out
// the default preset's routers takes 6 KiB off what every Lambda cold start loads
// (`npm run build:aws`).
import { Hono } from 'hono/tiny'
import type { PasswordVerifier } from '../passwords/verifier'
import { defaultVerifiers } from '../passwords/verifiers'
import { WebhookError } from '../protocol/errors'
import type { UserStore } from '../store/user-store'
import type { AppEnv } from './app-env'
import type { WebhookCredentials } from './basic-auth'
import { requireBasicAuth } from './basic-auth-middleware'
import { bodySizeLimit } from './body-size-limit'
import { MAX_BODY_BYTES, MAX_PASSWORD_BYTES, STORE_TIMEOUT_MS, TIMING_HASH } from './defaults'
import { errorResponse, toWebhookError } from './error-response'
import { handleWebhook } from './handle-webhook'
import { type Logger, silentLogger } from './logger'
import { describeCause, requestLog } from './request-log'

/** Everything the webhook needs; only `credentials` and `store` have no default. */
export interface AppOptions {
  /** The Basic credentials set in Corbado's developer panel. `undefined` refuses every call. */
  credentials: WebhookCredentials | undefined
  /** Where users are looked up. */
  store: UserStore
  /** Hash formats understood, tried in order. Default: every built-in verifier. */
  verifiers?: readonly PasswordVerifier[]
  /** Structured logger; `false` logs nothing. Default: silent. */
  logger?: Logger | false
  /** Default `STORE_TIMEOUT_MS`. */
  storeTimeoutMs?: number
  /** Default `MAX_BODY_BYTES`. */
  maxBodyBytes?: number
  /** Default `MAX_PASSWORD_BYTES`; see there before raising it. */
  maxPasswordBytes?: number
  /** Default `TIMING_HASH`; see there. */
  timingHash?: string
  /** The per-request id for logs and `responseID`. Default: a random UUID. */
  requestId?: (c: Context<AppEnv>) => string | undefined
}

/**
 * The webhook as one Hono app: `POST /webhook` answers Corbado's `authMethods` and
 * `passwordVerify`, `GET /health` answers `{ "status": "ok" }`. Platform entry points
 * only hand it requests.
 */
export function createApp(options: AppOptions): Hono<AppEnv> {
  const logger = options.logger || silentLogger
  const maxBodyBytes = options.maxBodyBytes ?? MAX_BODY_BYTES
  const makeRequestId = (c: Context<AppEnv>) => options.requestId?.(c) || crypto.randomUUID()
  const webhook = handleWebhook({
    store: options.store,
    verifiers: options.verifiers ?? defaultVerifiers,
    storeTimeoutMs: options.storeTimeoutMs ?? STORE_TIMEOUT_MS,
    timingHash: options.timingHash ?? TIMING_HASH,
    maxPasswordBytes: options.maxPasswordBytes ?? MAX_PASSWORD_BYTES,
  })

  const app = new Hono<AppEnv>()
  app.use(requestLog(logger, makeRequestId))

  app.get('/health', (c) => c.json({ status: 'ok' }))

  app.post('/webhook', requireBasicAuth(options.credentials), bodySizeLimit(maxBodyBytes), webhook)

  app.all('/webhook', (c) => {
    throw new WebhookError(
      'method_not_allowed',
      `Method ${c.req.method} is not allowed; use POST.`,
      {
        headers: { Allow: 'POST' },
      },
    )
  })

  // Hono runs the not-found handler where a thrown error would skip the rest of
  // requestLog, and with it the request's log line: it answers instead of throwing.
  app.notFound((c) =>
    refuse(c, new WebhookError('not_found', 'No such endpoint; Corbado calls POST /webhook.')),
  )

  app.onError((thrown, c) => refuse(c, toWebhookError(thrown)))

  return app
}

/** Answers with the protocol's error body and notes the outcome for the log line. */
function refuse(c: Context<AppEnv>, error: WebhookError): Response {
  c.set('outcome', error.code)
  if (error.status >= 500) c.set('failure', describeCause(error.cause))
  return errorResponse(c, error)
}
