import type { MiddlewareHandler } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { WebhookError } from '../protocol/errors'
import type { AppEnv } from './app-env'

/**
 * Refuses bodies over `maxBytes` with 413. A declared Content-Length is trusted, since
 * every platform here reads exactly that many bytes; only a body without one is counted
 * while streaming. Skipping the stream for the common case matters on Node: opening the
 * raw body as a web stream cost about 5x the throughput of the whole request path,
 * measured with bench/throughput.ts.
 */
export function bodySizeLimit(maxBytes: number): MiddlewareHandler<AppEnv> {
  const tooLarge = () => {
    throw new WebhookError(
      'body_too_large',
      `Request body is larger than ${maxBytes} bytes; a webhook call is far smaller.`,
    )
  }
  const streamingLimit = bodyLimit({ maxSize: maxBytes, onError: tooLarge })

  return function bodySizeLimit(c, next) {
    const declared = c.req.header('Content-Length')
    if (declared === undefined || c.req.header('Transfer-Encoding') !== undefined) {
      return streamingLimit(c, next)
    }
    if (Number(declared) > maxBytes) tooLarge()
    return next()
  }
}
