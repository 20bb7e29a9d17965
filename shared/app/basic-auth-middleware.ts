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
  const challenge = { 'WWW-Authenticate': `Basic realm="${BASIC_REALM}", charset="UTF-8"` }

  return function requireBasicAuth(c, next) {
    if (!expected?.username || !expected.password) {
      throw new WebhookError(
        'credentials_not_configured',
        'Webhook credentials are not configured on this server; set WEBHOOK_USERNAME and WEBHOOK_PASSWORD.',
        { headers: challenge },
      )
    }
    // Basic authentication ends the username at the first colon (RFC 7617), so such a
    // username could never match: it is a setting to fix, not a wrong caller.
    if (expected.username.includes(':')) {
      throw new WebhookError(
        'credentials_not_configured',
        'The webhook username configured on this server contains ":", which Basic authentication cannot carry; choose one without it.',
        { headers: challenge },
      )
    }

    const given = parseBasicAuth(c.req.header('Authorization'))
    if (!given || !credentialsMatch(given, expected)) {
      throw new WebhookError(
        'unauthorized',
        "Missing or wrong Basic credentials; use the webhook username and password from Corbado's developer panel.",
        { headers: challenge },
      )
    }

    return next()
  }
}
