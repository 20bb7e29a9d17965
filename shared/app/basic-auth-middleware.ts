import type { MiddlewareHandler } from 'hono'
import { WebhookError } from '../protocol/errors'
import type { AppEnv } from './app-env'
import { credentialsMatch, parseBasicAuth, type WebhookCredentials } from './basic-auth'
import { BASIC_REALM } from './defaults'

/**
 * Lets a request through only with the configured Basic credentials. Without configured
 * credentials every request is refused: a webhook that forgot its secret stays closed.
 */
export function requireBasicAuth(
  expected: WebhookCredentials | undefined,
): MiddlewareHandler<AppEnv> {
  return async function requireBasicAuth(c, next) {
    const challenge = `Basic realm="${BASIC_REALM}", charset="UTF-8"`

    if (!expected?.username || !expected.password) {
      c.header('WWW-Authenticate', challenge)
      throw new WebhookError(
        'credentials_not_configured',
        'Webhook credentials are not configured on this server; set WEBHOOK_USERNAME and WEBHOOK_PASSWORD.',
      )
    }

    const given = parseBasicAuth(c.req.header('Authorization'))
    if (!given || !credentialsMatch(given, expected)) {
      c.header('WWW-Authenticate', challenge)
      throw new WebhookError(
        'unauthorized',
        "Missing or wrong Basic credentials; use the webhook username and password from Corbado's developer panel.",
      )
    }

    await next()
  }
}
