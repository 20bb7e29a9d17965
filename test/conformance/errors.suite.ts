import { beforeAll, describe, expect, it } from 'vitest'
import { CONFORMANCE_CREDENTIALS, EXISTING_USER, PASSWORD } from './fixtures'
import {
  authMethodsCall,
  basicAuthorization,
  callBody,
  passwordVerifyCall,
  webhookRequest,
} from './requests'
import { errorCode, type FetchTarget, readJson, type TargetFactory } from './target'

const { username, password } = CONFORMANCE_CREDENTIALS

/** The same text with its last character replaced by another. */
function lastCharOff(text: string): string {
  return `${text.slice(0, -1)}${text.endsWith('X') ? 'Y' : 'X'}`
}

const utf8 = new TextEncoder()

/**
 * An authMethods call for the existing user whose JSON body is padded with trailing
 * spaces to exactly `bytes`, with or without a Content-Length header giving its size.
 */
function paddedCall(bytes: number, isDeclared: boolean): Request {
  const json = JSON.stringify(callBody('authMethods', { username: EXISTING_USER }))
  const rawBody = json.padEnd(bytes - (utf8.encode(json).length - json.length), ' ')
  const request = webhookRequest({ rawBody })
  if (isDeclared) request.headers.set('Content-Length', String(utf8.encode(rawBody).length))
  return request
}

/** Every row of the protocol's error table, through the target's HTTP surface. */
export function describeErrors(makeTarget: TargetFactory) {
  let send: FetchTarget
  beforeAll(async () => {
    send = await makeTarget()
  })

  async function expectRefusal(request: Request, status: number, code: string) {
    const response = await send(request)
    expect(response.status).toBe(status)
    expect(response.headers.get('Content-Type')).toBe('application/json; charset=utf-8')
    expect(await errorCode(response)).toBe(code)
    return response
  }

  describe('credentials', () => {
    it.each([
      ['no Authorization header', { credentials: null }],
      ['a wrong password', { credentials: { username, password: 'wrong' } }],
      ['a wrong username', { credentials: { username: 'someone', password } }],
      ['a password cut at its first colon', { credentials: { username, password: 'pa' } }],
      // Right length, one character off at the end: refused by the comparison itself,
      // never by the difference in length alone.
      [
        'a password wrong in its last character',
        { credentials: { username, password: lastCharOff(password) } },
      ],
      [
        'a username wrong in its last character',
        { credentials: { username: lastCharOff(username), password } },
      ],
      ['the right username with an empty password', { credentials: { username, password: '' } }],
      ['a scheme other than Basic', { authorization: `Bearer ${password}` }],
      ['a Basic value that is not base64', { authorization: 'Basic %%%not-base64%%%' }],
      ['a Basic value without a colon', { authorization: `Basic ${btoa(username)}` }],
    ])('refuses %s with 401 and a Basic challenge', async (_, overrides) => {
      const response = await expectRefusal(
        authMethodsCall(EXISTING_USER, overrides),
        401,
        'unauthorized',
      )

      expect(response.headers.get('WWW-Authenticate')).toMatch(/^Basic realm="[^"]+"/)
    })

    it.each([
      ['in lower case', 'basic'],
      ['in capitals', 'BASIC'],
    ])('accepts the Basic scheme name %s', async (_, scheme) => {
      const [, encoded] = basicAuthorization(CONFORMANCE_CREDENTIALS).split(' ')

      const response = await send(
        authMethodsCall(EXISTING_USER, { authorization: `${scheme} ${encoded}` }),
      )

      expect(response.status).toBe(200)
    })

    it('keeps everything after the first colon as the password', async () => {
      const response = await send(authMethodsCall(EXISTING_USER))

      expect(password).toContain(':')
      expect(response.status).toBe(200)
    })
  })

  describe('method and path', () => {
    it.each(['GET', 'PUT', 'DELETE', 'PATCH'])(
      'refuses %s with 405 and Allow: POST',
      async (method) => {
        const response = await expectRefusal(
          webhookRequest({ method, body: callBody('authMethods', { username: EXISTING_USER }) }),
          405,
          'method_not_allowed',
        )

        expect(response.headers.get('Allow')).toBe('POST')
      },
    )

    it('refuses OPTIONS with 405 and Allow: POST', async () => {
      const response = await expectRefusal(
        webhookRequest({ method: 'OPTIONS' }),
        405,
        'method_not_allowed',
      )

      expect(response.headers.get('Allow')).toBe('POST')
    })

    it('refuses HEAD with 405 and Allow: POST, without a body', async () => {
      const response = await send(webhookRequest({ method: 'HEAD' }))

      expect(response.status).toBe(405)
      expect(response.headers.get('Allow')).toBe('POST')
      expect(await response.text()).toBe('')
    })

    it('answers 404 for an unknown path', async () => {
      await expectRefusal(authMethodsCall(EXISTING_USER, { path: '/nope' }), 404, 'not_found')
    })
  })

  describe('action header', () => {
    it.each([
      ['missing', null],
      ['empty', ''],
      ['unknown', 'deleteUser'],
      ['in the wrong case', 'authmethods'],
    ])('refuses a %s X-Corbado-Action with 400', async (_, action) => {
      await expectRefusal(authMethodsCall(EXISTING_USER, { action }), 400, 'invalid_action')
    })

    it('refuses an X-Corbado-Action sent twice with 400', async () => {
      const request = authMethodsCall(EXISTING_USER)
      request.headers.append('X-Corbado-Action', 'authMethods')

      await expectRefusal(request, 400, 'invalid_action')
    })

    it('refuses a body whose action differs from the header', async () => {
      const request = passwordVerifyCall(EXISTING_USER, PASSWORD, { action: 'authMethods' })

      await expectRefusal(request, 400, 'action_mismatch')
    })

    it('refuses a body whose action is no action at all as a mismatch', async () => {
      const body = callBody('deleteUser', { username: EXISTING_USER })

      await expectRefusal(webhookRequest({ action: 'authMethods', body }), 400, 'action_mismatch')
    })
  })

  describe('body', () => {
    it.each([
      ['empty', ''],
      ['not JSON', '{"id": "who-1",'],
      ['a JSON array', '[]'],
      ['JSON null', 'null'],
      ['a JSON string', '"authMethods"'],
    ])('refuses a body that is %s with 400', async (_, rawBody) => {
      await expectRefusal(webhookRequest({ rawBody }), 400, 'invalid_body')
    })

    const complete = callBody('passwordVerify', { username: EXISTING_USER, password: PASSWORD })
    it.each([
      ['id', { ...complete, id: undefined }],
      ['projectID', { ...complete, projectID: undefined }],
      ['action', { ...complete, action: undefined }],
      ['data', { ...complete, data: undefined }],
      ['data.username', { ...complete, data: { password: PASSWORD } }],
      ['data.password', { ...complete, data: { username: EXISTING_USER } }],
    ])('refuses a body without %s with 400', async (_, body) => {
      await expectRefusal(webhookRequest({ action: 'passwordVerify', body }), 400, 'invalid_body')
    })

    it.each([
      ['a number username', { username: 42, password: PASSWORD }],
      ['an empty username', { username: '  ', password: PASSWORD }],
      ['a null password', { username: EXISTING_USER, password: null }],
    ])('refuses %s with 400', async (_, data) => {
      const body = callBody('passwordVerify', data)

      await expectRefusal(webhookRequest({ action: 'passwordVerify', body }), 400, 'invalid_body')
    })

    it.each([
      ['form data', 'application/x-www-form-urlencoded'],
      ['plain text', 'text/plain'],
      ['text/json', 'text/json'],
      ['JSONP', 'application/jsonp'],
      ['plain text naming JSON in a parameter', 'text/plain; profile=json'],
    ])('refuses a Content-Type that is %s with 400', async (_, contentType) => {
      await expectRefusal(
        authMethodsCall(EXISTING_USER, { contentType }),
        400,
        'invalid_content_type',
      )
    })

    it.each([
      ['with a charset', 'application/json; charset=utf-8'],
      ['in capitals', 'Application/JSON'],
      ['missing', null],
    ])('reads the body as JSON with a Content-Type %s', async (_, contentType) => {
      const response = await send(authMethodsCall(EXISTING_USER, { contentType }))

      expect(response.status).toBe(200)
      expect((await readJson(response)).data).toEqual({ status: 'exists' })
    })

    // 16 * 1024 spelled out rather than MAX_BODY_BYTES: the protocol promises 16 KiB, so a
    // changed constant must fail here.
    describe.each([
      ['declared in Content-Length', true],
      ['without a Content-Length', false],
    ])('a body %s', (_, isDeclared) => {
      it('is read at exactly 16 KiB', async () => {
        const response = await send(paddedCall(16 * 1024, isDeclared))

        expect(response.status).toBe(200)
        expect((await readJson(response)).data).toEqual({ status: 'exists' })
      })

      it('is refused with 413 at one byte over 16 KiB', async () => {
        await expectRefusal(paddedCall(16 * 1024 + 1, isDeclared), 413, 'body_too_large')
      })
    })

    it('refuses a body larger than the limit with 413', async () => {
      const padding = 'x'.repeat(64 * 1024)
      const body = { ...callBody('authMethods', { username: EXISTING_USER }), padding }

      await expectRefusal(webhookRequest({ body }), 413, 'body_too_large')
    })
  })
}
