import type { ContentfulStatusCode } from 'hono/utils/http-status'

/** Every refusal the webhook can give, by stable code, with its HTTP status. */
export const ERROR_STATUS = {
  unauthorized: 401,
  credentials_not_configured: 401,
  method_not_allowed: 405,
  not_found: 404,
  invalid_action: 400,
  invalid_content_type: 400,
  invalid_body: 400,
  action_mismatch: 400,
  body_too_large: 413,
  store_unavailable: 503,
  credentials_unavailable: 503,
  unsupported_hash: 500,
  invalid_hash: 500,
  internal_error: 500,
} as const satisfies Record<string, ContentfulStatusCode>

export type ErrorCode = keyof typeof ERROR_STATUS

/**
 * A refusal that becomes the protocol's error body `{ error: { code, message } }`. The
 * message is sent to the caller, so it says what went wrong and how to fix it, and never
 * holds a password, a hash or a credential. Lower-level failures go in `cause`, which
 * stays in this process.
 */
export class WebhookError extends Error {
  override readonly name = 'WebhookError'
  readonly code: ErrorCode
  readonly status: ContentfulStatusCode
  /** Headers the refusal needs, such as `WWW-Authenticate` on a 401. */
  readonly headers: Readonly<Record<string, string>>

  constructor(
    code: ErrorCode,
    message: string,
    options?: { cause?: unknown; headers?: Record<string, string> },
  ) {
    super(message, options)
    this.code = code
    this.status = ERROR_STATUS[code]
    this.headers = options?.headers ?? {}
  }
}
