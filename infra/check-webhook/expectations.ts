import type { WebhookReply } from './webhook-call'

/** What a check wants back: a line a person reads, and the problems found in a reply. */
export interface Expectation {
  describe: string
  problemsOf(reply: WebhookReply): string[]
}

/** A 200 answer whose `data` equals `data`, with a `responseID` string beside it. */
export function answer(data: Record<string, string | boolean>): Expectation {
  return {
    describe: `200 ${JSON.stringify({ responseID: '<string>', data })}`,
    problemsOf(reply) {
      const problems = statusProblems(reply, 200)
      if (problems.length > 0) return problems
      const body = jsonProblems(reply, problems)
      if (body === undefined) return problems

      if (typeof body.responseID !== 'string') {
        problems.push('responseID is missing or not a string')
      }
      if (!hasFields(body.data, data)) {
        problems.push(`data is ${JSON.stringify(body.data)}, expected ${JSON.stringify(data)}`)
      }
      return problems
    },
  }
}

/** A header a refusal must carry, as the protocol's error table asks. */
export interface RequiredHeader {
  name: string
  value: RegExp
  describe: string
}

export const BASIC_CHALLENGE: RequiredHeader = {
  name: 'WWW-Authenticate',
  value: /^basic\b/i,
  describe: 'WWW-Authenticate: Basic',
}

export const ALLOW_POST: RequiredHeader = {
  name: 'Allow',
  value: /\bPOST\b/,
  describe: 'Allow: POST',
}

/** A refusal with `status` and the body `{ error: { code, message } }`. */
export function refusal(status: number, header?: RequiredHeader): Expectation {
  const withHeader = header ? ` with ${header.describe}` : ''
  return {
    describe: `${status} {"error":{"code":"<string>","message":"<string>"}}${withHeader}`,
    problemsOf(reply) {
      // A wrong status is the finding; the body of, say, a 500 page would only add noise.
      const problems = statusProblems(reply, status)
      if (problems.length > 0) return problems
      const value = header ? reply.headers.get(header.name) : null
      if (header && !header.value.test(value ?? '')) {
        problems.push(
          value === null
            ? `${header.name} header is missing, expected ${header.describe}`
            : `${header.name} is "${value}", expected ${header.describe}`,
        )
      }
      const body = jsonProblems(reply, problems)
      if (body === undefined) return problems

      const error = body.error as Record<string, unknown> | undefined
      if (typeof error?.code !== 'string' || typeof error.message !== 'string') {
        problems.push('body is not of the form { "error": { "code", "message" } }')
      }
      // The protocol puts responseID in answers; an error may carry one too, as a string.
      if ('responseID' in body && typeof body.responseID !== 'string') {
        problems.push('responseID is not a string')
      }
      return problems
    },
  }
}

function statusProblems(reply: WebhookReply, expected: number): string[] {
  if (reply.failure !== undefined) return [reply.failure]
  if (reply.status === expected) return []
  return [`status ${reply.status}, expected ${expected}${hintFor(reply)}`]
}

/** What a person should look at first for a status that often has one cause. */
function hintFor(reply: WebhookReply): string {
  if (reply.status === 401) return ' (the webhook refused the --auth credential)'

  const location = reply.headers.get('location')
  if (reply.status !== undefined && reply.status >= 300 && reply.status < 400 && location) {
    // A redirected POST may come back as a GET, and loses Authorization across origins
    // (Fetch standard), so the configured URL must answer itself. The query may hold a
    // token, so it is left out.
    return ` (redirects to ${location.split('?')[0]}; give that URL instead)`
  }
  return ''
}

/** The body as a JSON object, or `undefined` after noting why it is not one. */
function jsonProblems(
  reply: WebhookReply,
  problems: string[],
): Record<string, unknown> | undefined {
  const contentType = reply.headers.get('content-type') ?? ''
  if (!/^application\/json\b/i.test(contentType)) {
    problems.push(`Content-Type is "${contentType}", expected application/json`)
  }
  try {
    const body: unknown = JSON.parse(reply.bodyText)
    if (typeof body === 'object' && body !== null && !Array.isArray(body)) {
      return body as Record<string, unknown>
    }
  } catch {
    // Falls through to the problem below: the body is text, not JSON.
  }
  problems.push('body is not a JSON object')
  return undefined
}

// Extra fields in `data` pass: Corbado reads only the ones the protocol names.
function hasFields(actual: unknown, expected: Record<string, unknown>): boolean {
  if (typeof actual !== 'object' || actual === null) return false
  return Object.entries(expected).every(
    ([key, value]) => (actual as Record<string, unknown>)[key] === value,
  )
}
