import type { Context } from 'aws-lambda'
import type { APIGatewayProxyResult, LambdaEvent } from 'hono/aws-lambda'
import type { Logger } from '../../shared/app/logger'
import type { ErrorResponse } from '../../shared/protocol/entities'
import type { WebhookError } from '../../shared/protocol/errors'
import { httpMethodOf, pathOf } from './lambda-event'

/**
 * Answers a refusal made before the app runs exactly as the app would: the protocol's
 * error body, its content type and the `X-Request-Id` header, with the same log line.
 */
export function refuseBeforeApp(
  event: LambdaEvent,
  context: Context,
  error: WebhookError,
  logger: Logger,
  startedAt: number,
): APIGatewayProxyResult {
  const requestId = context.awsRequestId
  const entry = {
    msg: 'webhook request',
    requestId,
    method: httpMethodOf(event),
    path: pathOf(event),
    outcome: error.code,
    status: error.status,
    durationMs: Math.round((performance.now() - startedAt) * 10) / 10,
    failure: error.status >= 500 ? describeCause(error.cause) : undefined,
  }
  if (error.status >= 500) logger.error(entry)
  else logger.warn(entry)

  const body: ErrorResponse = { error: { code: error.code, message: error.message } }
  return {
    statusCode: error.status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'x-request-id': requestId },
    body: JSON.stringify(body),
    isBase64Encoded: false,
  }
}

function describeCause(cause: unknown): string | undefined {
  if (cause instanceof Error) return `${cause.name}: ${cause.message}`
  return cause === undefined ? undefined : String(cause)
}
