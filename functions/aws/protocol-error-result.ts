import type { Context } from 'aws-lambda'
import type { Logger } from '../../shared/app/logger'
import { describeCause, writeRequestLine } from '../../shared/app/request-log'
import { type ErrorResponse, isWebhookAction } from '../../shared/protocol/entities'
import type { WebhookError } from '../../shared/protocol/errors'
import { EventHeaders } from './event-headers'
import { httpMethodOf, type LambdaEvent, type LambdaResult, pathOf } from './lambda-event'

/**
 * Answers a refusal made before the app runs exactly as the app would: the protocol's
 * error body, its content type, the `X-Request-Id` header and the refusal's own headers
 * (`WWW-Authenticate` on a 401, `Allow` on a 405), with the same log line.
 */
export function refuseBeforeApp(
  event: LambdaEvent,
  context: Context,
  error: WebhookError,
  logger: Logger,
  startedAt: number,
): LambdaResult {
  const requestId = context.awsRequestId
  const action = new EventHeaders(event).get('x-corbado-action')?.trim() ?? ''
  writeRequestLine(logger, {
    requestId,
    method: httpMethodOf(event),
    path: pathOf(event),
    action: isWebhookAction(action) ? action : undefined,
    outcome: error.code,
    status: error.status,
    startedAt,
    failure: error.status >= 500 ? describeCause(error.cause) : undefined,
  })

  const headers: Record<string, string> = {
    'content-type': 'application/json; charset=utf-8',
    'x-request-id': requestId,
  }
  // Lowercased, as the adapter gives every result's headers.
  for (const [name, value] of Object.entries(error.headers)) headers[name.toLowerCase()] = value

  const body: ErrorResponse = { error: { code: error.code, message: error.message } }
  return {
    statusCode: error.status,
    headers,
    body: JSON.stringify(body),
    isBase64Encoded: false,
  }
}
