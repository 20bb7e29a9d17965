import type { APIGatewayProxyEvent, APIGatewayProxyEventV2 } from 'aws-lambda'

/**
 * The event shapes the function accepts: API Gateway REST (payload 1.0) carries
 * `httpMethod` and `path`; HTTP API (payload 2.0) and Function URLs carry
 * `requestContext.http.method` and `rawPath`.
 */
export type LambdaEvent = APIGatewayProxyEvent | APIGatewayProxyEventV2

/** What the function answers to each event shape. */
export interface LambdaResult {
  statusCode: number
  headers: Record<string, string>
  body: string
  isBase64Encoded: boolean
  /** Set-Cookie values, for payload 2.0. */
  cookies?: string[]
  /** Set-Cookie values, for payload 1.0. */
  multiValueHeaders?: Record<string, string[]>
}

export function isRestEvent(event: LambdaEvent): event is APIGatewayProxyEvent {
  return 'httpMethod' in event
}

export function httpMethodOf(event: LambdaEvent): string | undefined {
  return isRestEvent(event) ? event.httpMethod : event.requestContext?.http?.method
}

export function pathOf(event: LambdaEvent): string | undefined {
  return isRestEvent(event) ? event.path : event.rawPath
}

/**
 * The size of the body in bytes, decoded when the event carries it base64-encoded. The
 * base64 size is counted from the text and its padding without decoding it, exact for
 * the unbroken base64 Lambda sends.
 */
export function bodyBytesOf(event: LambdaEvent): number {
  if (!event.body) return 0
  return Buffer.byteLength(event.body, event.isBase64Encoded ? 'base64' : 'utf8')
}

const BYTE_ORDER_MARK = '\uFEFF'

/**
 * The body as text, decoded from base64 when the event says so, without a leading byte
 * order mark: Fetch's `text()` drops one (the Encoding standard's "UTF-8 decode"), so the
 * app reads the same text here as on Node and Workers.
 */
export function bodyTextOf(event: LambdaEvent): string {
  if (!event.body) return ''
  const text = event.isBase64Encoded
    ? Buffer.from(event.body, 'base64').toString('utf8')
    : event.body
  return text.startsWith(BYTE_ORDER_MARK) ? text.slice(1) : text
}

/** The body as bytes, decoded from base64 when the event says so. */
export function bodyBufferOf(event: LambdaEvent): Buffer {
  if (!event.body) return Buffer.alloc(0)
  return Buffer.from(event.body, event.isBase64Encoded ? 'base64' : 'utf8')
}
