import type { Context } from 'hono'
import type { ErrorResponse } from '../protocol/entities'
import { WebhookError } from '../protocol/errors'
import type { AppEnv } from './app-env'
import { jsonResponse } from './json-response'

/** Turns any thrown error into the protocol's error body; unknown ones become a bare 500. */
export function toWebhookError(error: unknown): WebhookError {
  if (error instanceof WebhookError) return error
  return new WebhookError('internal_error', 'The webhook failed unexpectedly; see its logs.', {
    cause: error,
  })
}

export function errorResponse(c: Context<AppEnv>, error: WebhookError): Response {
  const body: ErrorResponse = { error: { code: error.code, message: error.message } }
  return jsonResponse(c, body, error.status, error.headers)
}
