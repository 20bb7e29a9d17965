import * as v from 'valibot'

/** The two questions Corbado asks, as sent in `X-Corbado-Action` and the body's `action`. */
export const WEBHOOK_ACTIONS = ['authMethods', 'passwordVerify'] as const
export type WebhookAction = (typeof WEBHOOK_ACTIONS)[number]

export function isWebhookAction(value: string): value is WebhookAction {
  return (WEBHOOK_ACTIONS as readonly string[]).includes(value)
}

const requiredString = (field: string) => v.string(`${field} is required and must be a string`)

const username = v.pipe(
  requiredString('data.username'),
  v.check((value) => value.trim() !== '', 'data.username must not be empty'),
)

// `id` identifies the webhook call; an early version of Corbado's libraries named it
// `requestID`, so either is accepted and both end up in `id`.
const envelope = {
  id: v.optional(requiredString('id')),
  requestID: v.optional(requiredString('requestID')),
  projectID: requiredString('projectID'),
}

export const AuthMethodsRequestSchema = v.object({
  ...envelope,
  action: v.literal('authMethods', 'action must be "authMethods"'),
  data: v.object({ username }, 'data is required and must be an object'),
})

export const PasswordVerifyRequestSchema = v.object({
  ...envelope,
  action: v.literal('passwordVerify', 'action must be "passwordVerify"'),
  data: v.object(
    { username, password: requiredString('data.password') },
    'data is required and must be an object',
  ),
})

/** The body of an `authMethods` call: does this username exist? */
export type AuthMethodsRequest = v.InferOutput<typeof AuthMethodsRequestSchema>
/** The body of a `passwordVerify` call: is this username and password pair valid? */
export type PasswordVerifyRequest = v.InferOutput<typeof PasswordVerifyRequestSchema>
export type WebhookRequest = AuthMethodsRequest | PasswordVerifyRequest

/** What `authMethods` answers about a username. */
export type AuthMethodsStatus = 'exists' | 'not_exists' | 'blocked'

/** Every answer carries `responseID`: this server's id for the call, also in its log line. */
export interface WebhookResponse<Data> {
  responseID: string
  data: Data
}
export type AuthMethodsResponse = WebhookResponse<{ status: AuthMethodsStatus }>
export type PasswordVerifyResponse = WebhookResponse<{ success: boolean }>

/** The body of every refusal. `code` is stable; `message` says what to fix. */
export interface ErrorResponse {
  error: { code: string; message: string }
}
