import * as v from 'valibot'
import {
  AuthMethodsRequestSchema,
  isWebhookAction,
  PasswordVerifyRequestSchema,
  type WebhookAction,
  type WebhookRequest,
} from '../protocol/entities'
import { WebhookError } from '../protocol/errors'

const JSON_CONTENT_TYPE = /^application\/([\w.-]+\+)?json\s*(;|$)/i

/** Reads `X-Corbado-Action`, refusing a missing, empty or unknown one. */
export function readAction(header: string | undefined): WebhookAction {
  const action = header?.trim()
  if (!action) {
    throw new WebhookError(
      'invalid_action',
      'X-Corbado-Action header is missing; send "authMethods" or "passwordVerify".',
    )
  }
  if (!isWebhookAction(action)) {
    throw new WebhookError(
      'invalid_action',
      'X-Corbado-Action header is unknown; send "authMethods" or "passwordVerify".',
    )
  }
  return action
}

/**
 * Refuses a body declared as anything but JSON, before it is read. A call without a
 * Content-Type is read as JSON: Corbado does not document the header, and refusing its
 * absence would refuse every call should Corbado ever leave it out.
 */
export function checkContentType(header: string | undefined): void {
  if (header === undefined || header.trim() === '') return
  if (!JSON_CONTENT_TYPE.test(header)) {
    throw new WebhookError(
      'invalid_content_type',
      'Content-Type must be application/json; send the webhook payload as JSON.',
    )
  }
}

/** Turns the raw body text into JSON, refusing an empty or malformed body. */
export function parseJsonBody(text: string): unknown {
  if (text.trim() === '') {
    throw new WebhookError('invalid_body', 'Request body is empty; send the JSON webhook payload.')
  }
  try {
    return JSON.parse(text)
  } catch (error) {
    throw new WebhookError('invalid_body', 'Request body is not valid JSON.', { cause: error })
  }
}

/**
 * Checks a parsed body against the schema of the action named in the header. A body
 * whose `action` names the other action is refused as a mismatch, not as invalid.
 */
export function validateWebhookRequest(action: WebhookAction, body: unknown): WebhookRequest {
  const bodyAction = isRecord(body) ? body.action : undefined
  if (typeof bodyAction === 'string' && bodyAction !== action) {
    throw new WebhookError(
      'action_mismatch',
      `Body action "${isWebhookAction(bodyAction) ? bodyAction : 'unknown'}" differs from the X-Corbado-Action header "${action}".`,
    )
  }

  const schema = action === 'authMethods' ? AuthMethodsRequestSchema : PasswordVerifyRequestSchema
  const result = v.safeParse(schema, body)
  if (!result.success) {
    const message = isRecord(body) ? result.issues[0].message : 'body must be a JSON object'
    throw new WebhookError('invalid_body', `Request body is invalid: ${message}.`)
  }
  if (result.output.id === undefined && result.output.requestID === undefined) {
    throw new WebhookError('invalid_body', 'Request body is invalid: id is required.')
  }
  return result.output
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
