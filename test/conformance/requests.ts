import type { WebhookCredentials } from '../../shared/app/basic-auth'
import { CONFORMANCE_CREDENTIALS } from './fixtures'

export const BASE_URL = 'https://webhook.test'

export interface WebhookCall {
  action?: string | null
  body?: unknown
  rawBody?: string
  credentials?: WebhookCredentials | null
  authorization?: string
  contentType?: string | null
  method?: string
  path?: string
}

export function basicAuthorization({ username, password }: WebhookCredentials): string {
  const bytes = new TextEncoder().encode(`${username}:${password}`)
  return `Basic ${btoa(String.fromCharCode(...bytes))}`
}

const utf8 = new TextEncoder()

/** A webhook call as Corbado sends it; each field can be bent to test a refusal. */
export function webhookRequest(call: WebhookCall = {}): Request {
  const action = call.action === undefined ? 'authMethods' : call.action
  const headers = new Headers()
  if (action !== null) headers.set('X-Corbado-Action', action)
  if (call.contentType !== null) headers.set('Content-Type', call.contentType ?? 'application/json')

  const credentials = call.credentials === undefined ? CONFORMANCE_CREDENTIALS : call.credentials
  if (call.authorization !== undefined) headers.set('Authorization', call.authorization)
  else if (credentials) headers.set('Authorization', basicAuthorization(credentials))

  const method = call.method ?? 'POST'
  const text = call.rawBody ?? (call.body === undefined ? undefined : JSON.stringify(call.body))
  // Fetch labels a string body text/plain by itself; bytes go without a Content-Type.
  const body = call.contentType === null && text !== undefined ? utf8.encode(text) : text
  return new Request(`${BASE_URL}${call.path ?? '/webhook'}`, {
    method,
    headers,
    body: method === 'GET' || method === 'HEAD' ? undefined : body,
  })
}

/** A well-formed body for `action`. */
export function callBody(action: string, data: Record<string, unknown>) {
  return { id: 'who-1234567890', projectID: 'pro-1234567890', action, data }
}

export function authMethodsCall(username: string, overrides: WebhookCall = {}): Request {
  return webhookRequest({
    action: 'authMethods',
    body: callBody('authMethods', { username }),
    ...overrides,
  })
}

export function passwordVerifyCall(
  username: string,
  password: string,
  overrides: WebhookCall = {},
): Request {
  return webhookRequest({
    action: 'passwordVerify',
    body: callBody('passwordVerify', { username, password }),
    ...overrides,
  })
}
