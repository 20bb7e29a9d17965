import fc from 'fast-check'
import { expect } from 'vitest'
import { ERROR_STATUS } from '../../shared/protocol/errors'
import { normalizeIdentifier } from '../../shared/store/identifier'
import {
  CONFORMANCE_CREDENTIALS,
  CONFORMANCE_USERS,
  PASSWORD,
  UNSUPPORTED_HASH_USER,
} from '../conformance/fixtures'
import { BASE_URL, basicAuthorization } from '../conformance/requests'
import type { FetchTarget } from '../conformance/target'

/** The conformance users whose hashes every verifier accepts: for them a 5xx is a bug. */
export const FUZZ_USERS = CONFORMANCE_USERS.filter(
  (user) => user.username !== UNSUPPORTED_HASH_USER && !user.username.startsWith('badcost'),
)

// What authMethods answers for each stored identifier, and whether PASSWORD signs it in.
const KNOWN = new Map([
  ['existing@existing.com', { status: 'exists', isPasswordRight: true }],
  ['+4915112345678', { status: 'exists', isPasswordRight: true }],
  ['blocked@existing.com', { status: 'blocked', isPasswordRight: false }],
  ['passwordless@existing.com', { status: 'exists', isPasswordRight: false }],
  ['LegacyName', { status: 'exists', isPasswordRight: true }],
])
const EMAILS = ['existing@existing.com', 'blocked@existing.com', 'passwordless@existing.com']
const PHONE_SPELLINGS = ['+4915112345678', '+49 151 1234-5678', '+49 (151) 12345678']

/** A username the store fails for; only targets with a failing store know it. */
export const STORE_DOWN_USER = 'store-down@fuzz.test'

// Every code point, now and then a lone surrogate, which JSON can still carry.
const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c))
const anyChar = fc.oneof(
  { arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }), weight: 9 },
  { arbitrary: loneSurrogate, weight: 1 },
)
export const anyText = (maxLength = 40) => fc.string({ unit: anyChar, maxLength })

const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,16}$/
// Framing and connection headers that fetch refuses or that change the transport.
const TRANSPORT_HEADERS = new Set([
  'connection',
  'content-length',
  'expect',
  'host',
  'keep-alive',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
])
const headerName = fc.stringMatching(TOKEN).filter((n) => !TRANSPORT_HEADERS.has(n.toLowerCase()))
// Any byte a header value may hold: visible ASCII, inner spaces and obs-text.
const headerValue = fc.string({
  unit: fc
    .integer({ min: 0x20, max: 0xff })
    .filter((c) => c !== 0x7f)
    .map((c) => String.fromCharCode(c)),
  maxLength: 40,
})
const headerDictionary = fc.dictionary(headerName, headerValue, { maxKeys: 6 })

/** Method tokens the Fetch API lets a Request carry. */
export const anyMethodToken = fc
  .stringMatching(TOKEN)
  .filter((method) => !['CONNECT', 'TRACE', 'TRACK'].includes(method.toUpperCase()))

const RIGHT_AUTHORIZATION = basicAuthorization(CONFORMANCE_CREDENTIALS)
const ACTIONS = ['authMethods', 'passwordVerify'] as const
const action = fc.constantFrom(...ACTIONS)

/** A username and what `authMethods` must answer for it, or `invalid` when blank. */
export function usernames(options: { withStoreDown?: boolean } = {}) {
  const spelled = fc
    .tuple(fc.constantFrom(...EMAILS), fc.array(fc.boolean(), { maxLength: 30 }), fc.nat(3))
    .map(([email, upper, pad]) => {
      const cased = [...email].map((c, i) => (upper[i] ? c.toUpperCase() : c)).join('')
      return ' \t'.repeat(pad) + cased + ' '.repeat(pad)
    })
  const other = fc
    .oneof(
      anyText(),
      fc.emailAddress(),
      anyText().map((text) => `${text}@${text}`),
      // Past the longest identifier a store holds (320).
      anyText(400).map((text) => `${text}${'x'.repeat(300)}`),
    )
    .filter((name) => !KNOWN.has(normalizeIdentifier(name)))
  const choices = [
    fc.constantFrom(...KNOWN.keys()),
    fc.constantFrom(...PHONE_SPELLINGS),
    spelled,
    { arbitrary: other, weight: 3 },
    ...(options.withStoreDown ? [fc.constant(STORE_DOWN_USER)] : []),
  ]
  return fc.oneof(...choices).map((username) => {
    const known = KNOWN.get(normalizeIdentifier(username))
    const status = username.trim() === '' ? 'invalid' : (known?.status ?? 'not_exists')
    return { username, status, isPasswordRight: known?.isPasswordRight ?? false }
  })
}

/**
 * A password with a UUID in it, so "the password shows up" cannot be a coincidence; some
 * run past the 256-byte password cap.
 */
const markedPassword = fc
  .tuple(fc.uuid(), fc.oneof(anyText(), anyText(400)))
  .map(([marker, rest]) => ({
    password: `${marker}${rest}`,
    needle: marker,
  }))
/** The right password, or a marked wrong one; `needle` is what must never be echoed. */
export const passwords = fc.oneof(
  fc.constant({ password: PASSWORD, needle: PASSWORD }),
  markedPassword,
)

export interface FuzzCall {
  method: string
  path: string
  headers: Record<string, string>
  action?: string
  contentType?: string
  authorization?: string
  body: unknown
}

/** Builds the Request; the named headers win over the arbitrary ones. */
export function fuzzRequest(call: FuzzCall): Request {
  const headers = new Headers(call.headers)
  if (call.action !== undefined) headers.set('X-Corbado-Action', call.action)
  if (call.contentType !== undefined) headers.set('Content-Type', call.contentType)
  if (call.authorization !== undefined) headers.set('Authorization', call.authorization)
  const body = typeof call.body === 'string' ? call.body : JSON.stringify(call.body)
  const hasNoBody = ['GET', 'HEAD'].includes(call.method.toUpperCase())
  return new Request(`${BASE_URL}${call.path}`, {
    method: call.method,
    headers,
    body: hasNoBody ? undefined : body,
  })
}

const envelope = (names: fc.Arbitrary<{ username: string }>) =>
  fc
    .record({ id: anyText(), projectID: anyText(), action, name: names, secret: passwords })
    .map(({ name, secret, ...rest }) => ({
      ...rest,
      data: { username: name.username, password: secret.password },
    }))

/** Any request at all: methods, paths, headers and bodies, well-formed or not. */
export function anyCall(
  methods: fc.Arbitrary<string>,
  options: { withStoreDown?: boolean } = {},
): fc.Arbitrary<FuzzCall> {
  // Half valid calls, so the paths past the request checks run as often as the refusals.
  return fc.oneof(
    malformedCall(methods, options),
    validCall(options).map((valid) => valid.call),
  )
}

function malformedCall(methods: fc.Arbitrary<string>, options: { withStoreDown?: boolean } = {}) {
  const names = usernames(options)
  return fc.record({
    method: fc.oneof({ arbitrary: fc.constant('POST'), weight: 3 }, methods),
    path: fc.oneof(fc.constantFrom('/webhook', '/webhook', '/health', '/other'), fc.webPath()),
    headers: headerDictionary,
    action: fc.option(fc.oneof(action, headerValue), { nil: undefined }),
    contentType: fc.option(fc.oneof(fc.constant('application/json'), headerValue), {
      nil: undefined,
    }),
    authorization: fc.oneof(
      fc.constant(RIGHT_AUTHORIZATION),
      fc.constant(undefined),
      headerValue.map((value) => `Basic ${value}`),
      fc
        .tuple(anyText(), anyText())
        .map(([user, pass]) => basicAuthorization({ username: user, password: pass })),
    ),
    body: fc.oneof(
      envelope(names),
      fc.record({ id: fc.anything(), action: fc.anything(), data: fc.anything() }),
      fc.jsonValue(),
      anyText(200),
    ),
  })
}

/**
 * A passwordVerify call that carries `secret` in a valid envelope, half the time for a known
 * user and mostly with the right headers, so it reaches the password check.
 */
export function secretCall(methods: fc.Arbitrary<string>) {
  const mostly = <T>(value: T, other: fc.Arbitrary<T>) =>
    fc.oneof({ arbitrary: fc.constant(value), weight: 4 }, other)
  return fc
    .record({
      call: malformedCall(methods, {}),
      name: usernames(),
      secret: passwords,
      action: mostly<string | undefined>(
        'passwordVerify',
        fc.option(headerValue, { nil: undefined }),
      ),
      authorization: mostly<string | undefined>(RIGHT_AUTHORIZATION, fc.constant(undefined)),
      isPost: fc.boolean(),
    })
    .map(({ call, name, secret, action, authorization, isPost }) => ({
      secret,
      call: {
        ...call,
        method: isPost ? 'POST' : call.method,
        path: isPost ? '/webhook' : call.path,
        action,
        authorization,
        contentType: isPost ? 'application/json' : call.contentType,
        body: {
          id: 'who-1',
          projectID: 'pro-1',
          action: 'passwordVerify',
          data: { username: name.username, password: secret.password },
        },
      } satisfies FuzzCall,
    }))
}

/** A call Corbado could send: right headers, any username and password, extra headers. */
export function validCall(options: { withStoreDown?: boolean } = {}) {
  return fc
    .record({ action, name: usernames(options), secret: passwords, headers: headerDictionary })
    .map(({ action, name, secret, headers }) => ({
      expected: name.status,
      isSignedIn: name.isPasswordRight && secret.password === PASSWORD,
      action,
      call: {
        method: 'POST',
        path: '/webhook',
        headers,
        action,
        contentType: 'application/json',
        authorization: RIGHT_AUTHORIZATION,
        body: {
          id: 'who-1',
          projectID: 'pro-1',
          action,
          data:
            action === 'authMethods'
              ? { username: name.username }
              : { username: name.username, password: secret.password },
        },
      } satisfies FuzzCall,
    }))
}

/**
 * Checks what every answer must be: 5xx only as the 503 of a failed store lookup, and
 * every refusal the protocol's error body with a known code and its status.
 */
export async function expectProtocolAnswer(
  response: Response,
  request: Request,
  storeFailed = false,
) {
  if (storeFailed) expect(response.status).toBe(503)
  else expect(response.status).toBeLessThan(500)
  if (response.status === 200 || request.method === 'HEAD') return

  expect(response.headers.get('Content-Type')).toBe('application/json; charset=utf-8')
  const body = await response.json()
  expect(body).toEqual({ error: { code: expect.any(String), message: expect.any(String) } })
  expect(ERROR_STATUS[body.error.code as keyof typeof ERROR_STATUS]).toBe(response.status)
}

/** Checks a valid call's answer against what the users hold. */
export async function expectRightAnswer(
  response: Response,
  { expected, action, isSignedIn }: { expected: string; action: string; isSignedIn: boolean },
) {
  if (expected === 'invalid') {
    expect(response.status).toBe(400)
    expect((await response.json()).error.code).toBe('invalid_body')
    return
  }
  expect(response.status).toBe(200)
  const body = await response.json()
  expect(body.responseID).toEqual(expect.any(String))
  if (action === 'authMethods') {
    expect(body.data).toEqual({ status: expected })
  } else {
    expect(body.data).toEqual({ success: isSignedIn })
  }
}

/** Sends one call and checks neither the answer nor the output so far holds `needle`. */
export async function expectNoEcho(
  send: FetchTarget,
  output: () => string,
  call: FuzzCall,
  needle: string,
) {
  const text = await (await send(fuzzRequest(call))).text()
  for (const secret of [needle, CONFORMANCE_CREDENTIALS.password]) {
    expect(text).not.toContain(secret)
    expect(output()).not.toContain(secret)
  }
}
