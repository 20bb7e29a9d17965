import type { Context, MiddlewareHandler } from 'hono'
import type { AppEnv } from './app-env'
import type { Logger } from './logger'

/**
 * Gives each request its id and writes one log line when it ends (see `writeRequestLine`).
 * It never reads the body or the Authorization header, so no password, hash or credential
 * can reach the log.
 */
export function requestLog(
  logger: Logger,
  makeRequestId: (c: Context<AppEnv>) => string,
): MiddlewareHandler<AppEnv> {
  return async function requestLog(c, next) {
    const startedAt = performance.now()
    const requestId = makeRequestId(c)
    c.set('requestId', requestId)

    await next()

    writeRequestLine(logger, {
      requestId,
      method: c.req.method,
      path: c.req.path,
      action: c.get('action'),
      callId: c.get('callId'),
      outcome: c.get('outcome'),
      status: c.res.status,
      startedAt,
      failure: c.get('failure'),
    })
  }
}

/** What the one line per request says; entry points that answer before the app use it too. */
export interface RequestLine {
  requestId: string
  method?: string
  path?: string
  action?: string
  callId?: string
  outcome?: string
  status: number
  /** `performance.now()` when the request arrived. */
  startedAt: number
  /** The 5xx cause, for the log only. */
  failure?: string
}

/**
 * Writes the request's line: `msg`, `requestId`, `method`, `path`, `action`, `callId`,
 * `outcome`, `status`, `durationMs` and, on a 5xx, `failure`. `createJsonLogger` adds
 * `level` and `time`, and undefined fields drop out of its JSON. The level follows the
 * status: `error` for a 5xx, `warn` for a 4xx, `info` otherwise.
 */
export function writeRequestLine(logger: Logger, line: RequestLine): void {
  const entry = {
    msg: 'webhook request',
    requestId: line.requestId,
    method: line.method,
    path: line.path,
    action: line.action,
    callId: line.callId,
    outcome: line.outcome,
    status: line.status,
    durationMs: Math.round((performance.now() - line.startedAt) * 10) / 10,
    failure: line.failure,
  }
  if (line.status >= 500) logger.error(entry)
  else if (line.status >= 400) logger.warn(entry)
  else logger.info(entry)
}

/** A 5xx cause as one log field. Only 5xx causes are logged: they never hold the body. */
export function describeCause(cause: unknown): string | undefined {
  if (cause instanceof Error) return `${cause.name}: ${cause.message}`
  return cause === undefined ? undefined : String(cause)
}
