import type { MiddlewareObj, Request } from '@middy/core'
import httpJsonBodyParser from '@middy/http-json-body-parser'
import {
  credentialsMatch,
  parseBasicAuth,
  type WebhookCredentials,
} from '../../shared/app/basic-auth'
import { MAX_BODY_BYTES } from '../../shared/app/defaults'
import type { Logger } from '../../shared/app/logger'
import { checkContentType, parseJsonBody, readAction } from '../../shared/app/read-webhook-request'
import { WebhookError } from '../../shared/protocol/errors'
import { EventHeaders } from './event-headers'
import {
  bodyBytesOf,
  bodyTextOf,
  httpMethodOf,
  type LambdaEvent,
  type LambdaResult,
  pathOf,
} from './lambda-event'
import { refuseBeforeApp } from './protocol-error-result'
import type { CredentialsContext } from './webhook-credentials'

/**
 * Refuses a `POST /webhook` whose body is not declared JSON or does not parse before the
 * app runs, with the same answer the app gives on every other runtime
 * (`invalid_content_type` or `invalid_body`, status 400). A call the app refuses before
 * reading the body (wrong credentials, a bad action header, a body over the limit) is
 * left to the app, so every call gets the same answer as on Node and Workers. Runs after
 * the credentials are on the context.
 *
 * The app parses the body a second time: it reads the request's text (an `EventRequest`
 * made from the event) as it does on Node and Workers, so that its size limit and schema
 * checks run the same everywhere; handing it Middy's parsed value would need a
 * Lambda-only path in the app. A second `JSON.parse` of a call under 1 KiB costs
 * microseconds.
 */
export function jsonBodyGuard(
  logger: Logger,
): MiddlewareObj<LambdaEvent, LambdaResult, Error, CredentialsContext> {
  const parser = httpJsonBodyParser()

  return {
    before: async function jsonBodyGuard(request) {
      const startedAt = performance.now()
      const { event } = request
      if (httpMethodOf(event) !== 'POST' || pathOf(event) !== '/webhook') return
      // The headers as the app will read them, repeated REST headers joined, so that both
      // decide on the same values.
      const headers = new EventHeaders(event)
      if (isRefusedBeforeBody(event, headers, request.context.webhookCredentials)) return

      // The parser reads `content-type` in two spellings only and replaces the body with the
      // parsed value: it gets a copy with the header found case-insensitively and the text
      // the app will read, so the adapter still receives the original event.
      const copy = {
        ...request,
        event: {
          ...event,
          headers: { 'content-type': headers.get('content-type') ?? undefined },
          body: bodyTextOf(event),
          isBase64Encoded: false,
        },
      }
      try {
        await parser.before?.(copy as Request)
      } catch {
        // The parser's error is dropped, not kept as the cause: its own cause holds the
        // raw body, and so the password.
        const refusal = protocolRefusal(event, headers)
        // Undefined when only the parser objects, being stricter than the protocol (it
        // refuses `Application/JSON`): the app decides then.
        if (refusal === undefined) return
        return refuseBeforeApp(event, request.context, refusal, logger, startedAt)
      }
    },
  }
}

/**
 * Whether the app refuses this call before it reads the body, in the app's own order:
 * credentials (401), body size (413), then the action header (400). These checks cost
 * under a microsecond; the constant-time comparison is the app's own.
 */
function isRefusedBeforeBody(
  event: LambdaEvent,
  headers: EventHeaders,
  expected: WebhookCredentials | undefined,
) {
  const given = parseBasicAuth(headers.get('authorization') ?? undefined)
  if (!expected || !given || !credentialsMatch(given, expected)) return true
  if (bodyBytesOf(event) > MAX_BODY_BYTES) return true
  try {
    readAction(headers.get('x-corbado-action') ?? undefined)
    return false
  } catch {
    return true
  }
}

/** The app's own refusal of this body, made by the same checks the app runs. */
function protocolRefusal(event: LambdaEvent, headers: EventHeaders): WebhookError | undefined {
  try {
    checkContentType(headers.get('content-type') ?? undefined)
    parseJsonBody(bodyTextOf(event))
    return undefined
  } catch (error) {
    if (error instanceof WebhookError) return error
    throw error
  }
}
