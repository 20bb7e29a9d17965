import type { LambdaEvent } from 'hono/aws-lambda'

// The three event shapes the function accepts: API Gateway REST (payload 1.0) carries
// `httpMethod` and `path`; HTTP API (payload 2.0) and Function URLs carry
// `requestContext.http.method` and `rawPath`.

export function httpMethodOf(event: LambdaEvent): string | undefined {
  if ('httpMethod' in event) return event.httpMethod
  return 'http' in event.requestContext ? event.requestContext.http.method : undefined
}

export function pathOf(event: LambdaEvent): string | undefined {
  if ('rawPath' in event) return event.rawPath
  return 'path' in event ? event.path : undefined
}

/** A header's value, found case-insensitively: REST events keep the client's spelling. */
export function headerOf(event: LambdaEvent, name: string): string | undefined {
  const wanted = name.toLowerCase()
  for (const [key, value] of Object.entries(event.headers ?? {})) {
    if (key.toLowerCase() === wanted) return Array.isArray(value) ? value[0] : value
  }
  return undefined
}

/** The size of the body in bytes, decoded when the event carries it base64-encoded. */
export function bodyBytesOf(event: LambdaEvent): number {
  if (!event.body) return 0
  if (event.isBase64Encoded) return Math.floor((event.body.length * 3) / 4)
  return Buffer.byteLength(event.body)
}

/** The body as text, decoded from base64 when the event says so. */
export function bodyTextOf(event: LambdaEvent): string {
  if (!event.body) return ''
  return event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body
}
