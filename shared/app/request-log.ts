import type { Context, MiddlewareHandler } from 'hono'
import type { AppEnv } from './app-env'
import type { Logger } from './logger'

/**
 * Gives each request its id and writes one log line when it ends: id, action, outcome,
 * status and duration. It never reads the body or the Authorization header, so no
 * password, hash or credential can reach the log.
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

    const status = c.res.status
    const entry = {
      msg: 'webhook request',
      requestId,
      method: c.req.method,
      path: c.req.path,
      action: c.get('action'),
      callId: c.get('callId'),
      outcome: c.get('outcome'),
      status,
      durationMs: Math.round((performance.now() - startedAt) * 10) / 10,
      failure: c.get('failure'),
    }
    if (status >= 500) logger.error(entry)
    else if (status >= 400) logger.warn(entry)
    else logger.info(entry)
  }
}
