import type { Context } from 'aws-lambda'
import type { Hono } from 'hono'
import type { AppEnv } from '../../shared/app/app-env'
import { EventRequest } from './event-request'
import { isRestEvent, type LambdaEvent, type LambdaResult } from './lambda-event'
import { responseParts, useLightResponse } from './light-response'

/** What the app finds in `c.env` on Lambda. */
export interface LambdaBindings {
  event: LambdaEvent
  lambdaContext: Context
}

export type EventHandler = (event: LambdaEvent, lambdaContext: Context) => Promise<LambdaResult>

// Body types Lambda results carry as text; any other body travels base64-encoded.
const TEXT_CONTENT_TYPE = /^text\/|[/+](json|xml)\s*(;|$)|^application\/javascript/i

/**
 * Answers Lambda events with a Hono app, as Hono's own Lambda adapter does but without
 * Node's Fetch on the common path: the app reads an `EventRequest` and answers with
 * `LightResponse`s, which become the result directly. Loading Fetch takes 10 to 15 ms of a
 * cold start (`npm run bench:cold-start`); a response that needs Fetch (a stream, binary,
 * `Headers`) still works and pays that load then.
 */
export function handleEvents(app: Hono<AppEnv>): EventHandler {
  useLightResponse()

  return async function handleEvent(event, lambdaContext) {
    const bindings: LambdaBindings = { event, lambdaContext }
    const response = await app.fetch(requestFor(event), bindings)
    return resultFor(event, response)
  }
}

function requestFor(event: LambdaEvent): Request {
  // The app reads only what EventRequest has (see there).
  return new EventRequest(event) as unknown as Request
}

async function resultFor(event: LambdaEvent, response: Response): Promise<LambdaResult> {
  const parts = responseParts(response)
  if (parts) {
    return {
      statusCode: parts.status,
      headers: parts.headers,
      body: parts.body,
      isBase64Encoded: false,
    }
  }

  const headers: Record<string, string> = {}
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') headers[name] = value
  })
  const bytes = Buffer.from(await response.arrayBuffer())
  const isText = TEXT_CONTENT_TYPE.test(headers['content-type'] ?? 'text/plain')
  const result: LambdaResult = {
    statusCode: response.status,
    headers,
    body: bytes.toString(isText ? 'utf8' : 'base64'),
    isBase64Encoded: !isText,
  }

  const cookies = response.headers.getSetCookie()
  if (cookies.length === 0) return result
  if (isRestEvent(event)) return { ...result, multiValueHeaders: { 'set-cookie': cookies } }
  return { ...result, cookies }
}
