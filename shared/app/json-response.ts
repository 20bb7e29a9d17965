import type { Context } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'

/** A JSON answer with the exact content type the protocol names. */
export function jsonResponse(c: Context, body: unknown, status: ContentfulStatusCode = 200) {
  c.header('Content-Type', 'application/json; charset=utf-8')
  return c.body(JSON.stringify(body), status)
}
