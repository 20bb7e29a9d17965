import { randomUUID } from 'node:crypto'

/** One request the checker sends: the header and credential it carries, and the body. */
export interface WebhookRequest {
  /** Default `POST`, the only method Corbado uses. A `GET` goes without a body. */
  method?: 'POST' | 'GET'
  /** `X-Corbado-Action`; `undefined` leaves the header out. */
  action: string | undefined
  /** The whole `Authorization` header; `undefined` leaves it out. */
  authorization: string | undefined
  body: unknown
}

/** What came back, and how long it took from sending to the last byte of the body. */
export interface WebhookReply {
  status: number | undefined
  headers: Headers
  bodyText: string
  durationMs: number
  /** Why no reply arrived (refused connection, timeout); `undefined` when one did. */
  failure: string | undefined
}

export function basicAuthorization(username: string, password: string): string {
  return `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`
}

/** A body shaped as Corbado sends it, with a fresh `who-` id per call. */
export function corbadoBody(action: string, data: Record<string, string>) {
  return { id: `who-${randomUUID()}`, projectID: 'pro-webhook-check', action, data }
}

/** Sends one webhook call and times it; never throws, so every check gets a reply. */
export async function callWebhook(
  url: URL,
  request: WebhookRequest,
  timeoutMs: number,
): Promise<WebhookReply> {
  const headers = new Headers({ 'Content-Type': 'application/json' })
  if (request.action !== undefined) headers.set('X-Corbado-Action', request.action)
  if (request.authorization !== undefined) headers.set('Authorization', request.authorization)

  const started = performance.now()
  try {
    const method = request.method ?? 'POST'
    const response = await fetch(url, {
      method,
      headers,
      body: method === 'GET' ? undefined : JSON.stringify(request.body),
      // A redirect is reported, not followed: the URL given must be the one that answers.
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    })
    const bodyText = await response.text()
    return {
      status: response.status,
      headers: response.headers,
      bodyText,
      durationMs: performance.now() - started,
      failure: undefined,
    }
  } catch (error) {
    return {
      status: undefined,
      headers: new Headers(),
      bodyText: '',
      durationMs: performance.now() - started,
      failure: describeFailure(error, timeoutMs),
    }
  }
}

function describeFailure(error: unknown, timeoutMs: number): string {
  if (error instanceof DOMException && error.name === 'TimeoutError') {
    return `no answer within ${timeoutMs} ms (raise --timeout-ms to wait longer)`
  }
  const cause = (error as { cause?: { code?: string; message?: string } }).cause
  return `request failed: ${cause?.code ?? cause?.message ?? (error as Error).message}`
}
