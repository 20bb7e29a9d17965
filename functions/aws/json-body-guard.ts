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
import {
  bodyBytesOf,
  bodyTextOf,
  headerOf,
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
      if (isRefusedBeforeBody(event, request.context.webhookCredentials)) return

      // The parser reads `content-type` in two spellings only and replaces the body with the
      // parsed value: it gets a copy with the header found case-insensitively and the text
      // the app will read, so the adapter still receives the original event.
      const copy = {
        ...request,
        event: {
          ...event,
          headers: { 'content-type': headerOf(event, 'content-type') },
          body: bodyTextOf(event),
          isBase64Encoded: false,
        },
      }
      try {
        await parser.before?.(copy as Request)
      } catch {
        // The parser's error is dropped, not kept as the cause: its own cause holds the
        // raw body, and so the password.
        const refusal = protocolRefusal(event)
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
function isRefusedBeforeBody(event: LambdaEvent, expected: WebhookCredentials | undefined) {
  const given = parseBasicAuth(headerOf(event, 'authorization'))
  if (!expected || !given || !credentialsMatch(given, expected)) return true
  if (bodyBytesOf(event) > MAX_BODY_BYTES) return true
  try {
    readAction(headerOf(event, 'x-corbado-action'))
    return false
  } catch {
    return true
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
