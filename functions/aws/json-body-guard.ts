import type { MiddlewareObj, Request } from '@middy/core'
import httpJsonBodyParser from '@middy/http-json-body-parser'
import type { APIGatewayProxyResult, LambdaEvent } from 'hono/aws-lambda'
import { MAX_BODY_BYTES } from '../../shared/app/defaults'
import type { Logger } from '../../shared/app/logger'
import { checkContentType, parseJsonBody } from '../../shared/app/read-webhook-request'
import { WebhookError } from '../../shared/protocol/errors'
import { bodyBytesOf, bodyTextOf, headerOf, httpMethodOf, pathOf } from './lambda-event'
import { refuseBeforeApp } from './protocol-error-result'

/**
 * Refuses a `POST /webhook` whose body is not declared JSON or does not parse, before the
 * credentials are fetched or the app runs, with the same answer the app gives on every
 * other runtime (`invalid_content_type` or `invalid_body`, status 400).
 *
 * The app parses the body a second time. Hono's Lambda adapter builds a Fetch `Request`
 * from the event's body text and the shared app reads that request as on Node and
 * Workers, so its size limit and schema checks run the same everywhere; handing it the
 * parsed value would need a Lambda-only path in the app. A second `JSON.parse` of a call
 * under 1 KiB costs microseconds.
 *
 * A request that would also fail the credential or action check is refused here for its
 * body, where the app checks credentials and the action header first (401, 400).
 */
export function jsonBodyGuard(logger: Logger): MiddlewareObj<LambdaEvent, APIGatewayProxyResult> {
  const parser = httpJsonBodyParser()

  return {
    before: async function jsonBodyGuard(request) {
      const startedAt = performance.now()
      const { event } = request
      if (httpMethodOf(event) !== 'POST' || pathOf(event) !== '/webhook') return
      // A body over the limit is left to the app's 413, without parsing it.
      if (bodyBytesOf(event) > MAX_BODY_BYTES) return

      // The parser reads `content-type` in two spellings only and replaces the body with the
      // parsed value: it gets a copy with the header found case-insensitively, so the
      // adapter still receives the original text.
      const copy = {
        ...request,
        event: { ...event, headers: { 'content-type': headerOf(event, 'content-type') } },
      }
      try {
        await parser.before?.(copy as Request)
      } catch (parserError) {
        const refusal = protocolRefusal(event)
        // Undefined when only the parser objects, being stricter than the protocol (it
        // refuses `Application/JSON`): the app decides then.
        if (refusal === undefined) return
        refusal.cause = parserError
        return refuseBeforeApp(event, request.context, refusal, logger, startedAt)
      }
    },
  }
}

/** The app's own refusal of this body, made by the same checks the app runs. */
function protocolRefusal(event: LambdaEvent): WebhookError | undefined {
  try {
    checkContentType(headerOf(event, 'content-type'))
    parseJsonBody(bodyTextOf(event))
    return undefined
  } catch (error) {
    if (error instanceof WebhookError) return error
    throw error
  }
}
