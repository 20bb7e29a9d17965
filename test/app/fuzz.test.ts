import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createApp } from '../../shared/app/create-app'
import { createJsonLogger } from '../../shared/app/logger'
import { MemoryStore } from '../../shared/store/memory-store'
import { parseUsers } from '../../shared/store/users-file'
import { CONFORMANCE_CREDENTIALS, CONFORMANCE_USERS, PASSWORD } from '../conformance/fixtures'
import { basicAuthorization } from '../conformance/requests'

// Users whose hashes every verifier accepts: here any 5xx would be a bug.
const USERS = CONFORMANCE_USERS.filter((user) => !user.username.match(/unsupported|badcost/))
const KNOWN = ['existing@existing.com', 'blocked@existing.com', 'passwordless@existing.com']
const EXPECTED_STATUS = new Map([
  ['existing@existing.com', 'exists'],
  ['blocked@existing.com', 'blocked'],
  ['passwordless@existing.com', 'exists'],
])
const TIMING_HASH = '$2b$04$b5/CwNDuHMWtLRhRscesW.vTvtd6ce5pqA92jrybyLW8GwxWter1W'
const RUNS = 300

function fuzzedApp() {
  const lines: string[] = []
  const app = createApp({
    credentials: CONFORMANCE_CREDENTIALS,
    store: new MemoryStore(parseUsers(USERS).users),
    logger: createJsonLogger({ level: 'debug', write: (line) => lines.push(line) }),
    timingHash: TIMING_HASH,
  })
  return { app, lines }
}

const printable = fc.stringMatching(/^[\x20-\x7e]{0,40}$/)
const action = fc.constantFrom('authMethods', 'passwordVerify')
const username = fc.oneof(fc.constantFrom(...KNOWN), fc.emailAddress(), fc.string())
// A UUID inside every password makes "the password appears in the output" unambiguous.
const password = fc.tuple(fc.uuid(), fc.string()).map(([marker, rest]) => `${marker}${rest}`)

const validCall = fc.record({
  action,
  username,
  password: fc.oneof(fc.constant(PASSWORD), password),
})

const anyCall = fc.record({
  method: fc.constantFrom('POST', 'POST', 'POST', 'GET', 'PUT', 'DELETE', 'OPTIONS'),
  path: fc.constantFrom('/webhook', '/webhook', '/health', '/other'),
  action: fc.option(fc.oneof(action, printable), { nil: undefined }),
  contentType: fc.option(fc.constantFrom('application/json', 'text/plain', 'application/x+json'), {
    nil: undefined,
  }),
  authorization: fc.oneof(
    fc.constant(basicAuthorization(CONFORMANCE_CREDENTIALS)),
    fc.constant(undefined),
    printable.map((value) => `Basic ${value}`),
  ),
  body: fc.oneof(
    fc.record({
      id: fc.string(),
      projectID: fc.string(),
      action,
      data: fc.record({ username, password }),
    }),
    fc.record({ id: fc.anything(), action: fc.anything(), data: fc.anything(), password }),
    fc.jsonValue(),
    fc.string(),
  ),
  password,
})

function request(call: {
  method: string
  path: string
  action?: string
  contentType?: string
  authorization?: string
  body: unknown
}): Request {
  const headers = new Headers()
  if (call.action !== undefined) headers.set('X-Corbado-Action', call.action)
  if (call.contentType !== undefined) headers.set('Content-Type', call.contentType)
  if (call.authorization !== undefined) headers.set('Authorization', call.authorization)
  const body = typeof call.body === 'string' ? call.body : JSON.stringify(call.body)
  return new Request(`https://webhook.test${call.path}`, {
    method: call.method,
    headers,
    body: ['GET', 'HEAD'].includes(call.method) ? undefined : body,
  })
}

describe('fuzzed input', () => {
  it('never answers 5xx, always answers refusals with a protocol error body', async () => {
    const { app } = fuzzedApp()

    await fc.assert(
      fc.asyncProperty(anyCall, async (call) => {
        const response = await app.fetch(request(call))

        expect(response.status).toBeLessThan(500)
        if (response.status !== 200) {
          expect(response.headers.get('Content-Type')).toBe('application/json; charset=utf-8')
          const body = await response.json()
          expect(body).toEqual({ error: { code: expect.any(String), message: expect.any(String) } })
        }
      }),
      { numRuns: RUNS },
    )
  })

  it('never puts a submitted password in an answer or a log line', async () => {
    const { app, lines } = fuzzedApp()

    await fc.assert(
      fc.asyncProperty(anyCall, async (call) => {
        const secret = call.password
        const withSecret = {
          ...call,
          body: { ...(call.body as object), data: { username: 'x', password: secret } },
        }

        for (const candidate of [call, withSecret]) {
          const text = await (await app.fetch(request(candidate))).text()
          expect(text).not.toContain(secret.slice(0, 36))
        }
        expect(lines.join('\n')).not.toContain(secret.slice(0, 36))
      }),
      { numRuns: RUNS },
    )
  })

  it('answers every valid call with a valid answer', async () => {
    const { app } = fuzzedApp()

    await fc.assert(
      fc.asyncProperty(validCall, async ({ action, username, password }) => {
        const data = action === 'authMethods' ? { username } : { username, password }
        const call = request({
          method: 'POST',
          path: '/webhook',
          action,
          contentType: 'application/json',
          authorization: basicAuthorization(CONFORMANCE_CREDENTIALS),
          body: { id: 'who-1', projectID: 'pro-1', action, data },
        })

        const response = await app.fetch(call)
        const isBlank = username.trim() === ''

        expect(response.status).toBe(isBlank ? 400 : 200)
        if (isBlank) return
        const body = await response.json()
        expect(body.responseID).toEqual(expect.any(String))
        if (action === 'authMethods') {
          expect(body.data.status).toBe(EXPECTED_STATUS.get(username) ?? 'not_exists')
        } else {
          const isRight = username === 'existing@existing.com' && password === PASSWORD
          expect(body.data).toEqual({ success: isRight })
        }
      }),
      { numRuns: RUNS },
    )
  })
})
