import { beforeAll, describe, expect, it } from 'vitest'
import {
  EXISTING_USER,
  LONGEST_PASSWORD_USER,
  LONGEST_USERNAME,
  MULTIBYTE_PASSWORD_USER,
  PASSWORD,
  THREE_BYTE_PASSWORD_USER,
  TOO_LONG_PASSWORD_USER,
  UNKNOWN_USER,
  UNSUPPORTED_HASH_USER,
} from './fixtures'
import { authMethodsCall, callBody, passwordVerifyCall, webhookRequest } from './requests'
import { errorCode, type FetchTarget, readJson, type TargetFactory } from './target'

/**
 * The protocol's answers: both actions, every status, through the target's HTTP surface.
 * Without `hasUnsupportedHashUser` the target holds no user whose hash it cannot use: none
 * in an unknown format and none with parameters past the limits.
 */
export function describeAnswers(makeTarget: TargetFactory, { hasUnsupportedHashUser = true } = {}) {
  let send: FetchTarget
  beforeAll(async () => {
    send = await makeTarget()
  })

  describe('authMethods', () => {
    it('answers exists for a known username, as JSON with a responseID', async () => {
      const response = await send(authMethodsCall(EXISTING_USER))

      expect(response.status).toBe(200)
      expect(response.headers.get('Content-Type')).toBe('application/json; charset=utf-8')
      const body = await readJson(response)
      expect(body).toEqual({ responseID: expect.any(String), data: { status: 'exists' } })
      expect(body.responseID).not.toBe('')
    })

    it('answers not_exists for an unknown username', async () => {
      const body = await readJson(await send(authMethodsCall(UNKNOWN_USER)))

      expect(body.data).toEqual({ status: 'not_exists' })
    })

    it('answers blocked for a blocked user', async () => {
      const body = await readJson(await send(authMethodsCall('blocked@existing.com')))

      expect(body.data).toEqual({ status: 'blocked' })
    })

    it('finds an email address whatever its case and surrounding spaces', async () => {
      const body = await readJson(await send(authMethodsCall('  EXISTING@existing.COM ')))

      expect(body.data).toEqual({ status: 'exists' })
    })

    it('finds a user by a phone alias written another way', async () => {
      const body = await readJson(await send(authMethodsCall('+49 (151) 12345678')))

      expect(body.data).toEqual({ status: 'exists' })
    })

    it('compares plain usernames case-sensitively', async () => {
      const exact = await readJson(await send(authMethodsCall('LegacyName')))
      const otherCase = await readJson(await send(authMethodsCall('legacyname')))

      expect(exact.data).toEqual({ status: 'exists' })
      expect(otherCase.data).toEqual({ status: 'not_exists' })
    })

    it('gives each call its own responseID', async () => {
      const first = await readJson(await send(authMethodsCall(EXISTING_USER)))
      const second = await readJson(await send(authMethodsCall(EXISTING_USER)))

      expect(first.responseID).not.toBe(second.responseID)
    })

    it('answers not_exists for a username longer than any identifier a store holds', async () => {
      const body = await readJson(await send(authMethodsCall(`${'x'.repeat(3000)}@existing.com`)))

      expect(body.data).toEqual({ status: 'not_exists' })
    })

    it('finds a username of exactly 320 characters', async () => {
      const body = await readJson(await send(authMethodsCall(LONGEST_USERNAME)))

      expect(LONGEST_USERNAME).toHaveLength(320)
      expect(body.data).toEqual({ status: 'exists' })
    })

    it('answers not_exists for an unknown username of 320 two-byte characters', async () => {
      const username = `${'é'.repeat(308)}@example.com`

      const body = await readJson(await send(authMethodsCall(username)))

      expect(body.data).toEqual({ status: 'not_exists' })
    })

    it('reads a body that starts with a byte order mark', async () => {
      const rawBody = `\uFEFF${JSON.stringify(callBody('authMethods', { username: EXISTING_USER }))}`

      const body = await readJson(await send(webhookRequest({ rawBody })))

      expect(body.data).toEqual({ status: 'exists' })
    })

    it('ignores fields the protocol does not name', async () => {
      const request = webhookRequest({
        body: { ...callBody('authMethods', { username: EXISTING_USER, extra: 1 }), extra: [] },
      })

      const body = await readJson(await send(request))

      expect(body.data).toEqual({ status: 'exists' })
    })

    it('accepts requestID, the early name of the call id', async () => {
      const request = webhookRequest({
        body: {
          requestID: 'who-1',
          projectID: 'pro-1',
          action: 'authMethods',
          data: { username: EXISTING_USER },
        },
      })

      const body = await readJson(await send(request))

      expect(body.data).toEqual({ status: 'exists' })
    })
  })

  describe('passwordVerify', () => {
    it('answers success true for the right password', async () => {
      const response = await send(passwordVerifyCall(EXISTING_USER, PASSWORD))

      expect(response.status).toBe(200)
      const body = await readJson(response)
      expect(body).toEqual({ responseID: expect.any(String), data: { success: true } })
    })

    it('answers success true through a phone alias', async () => {
      const body = await readJson(await send(passwordVerifyCall('+4915112345678', PASSWORD)))

      expect(body.data).toEqual({ success: true })
    })

    it('answers success false for a wrong password', async () => {
      const body = await readJson(await send(passwordVerifyCall(EXISTING_USER, 'supersecreT')))

      expect(body.data).toEqual({ success: false })
    })

    it('answers success false for an unknown username', async () => {
      const response = await send(passwordVerifyCall(UNKNOWN_USER, PASSWORD))

      expect(response.status).toBe(200)
      expect((await readJson(response)).data).toEqual({ success: false })
    })

    it('answers success false for a blocked user with the right password', async () => {
      const body = await readJson(await send(passwordVerifyCall('blocked@existing.com', PASSWORD)))

      expect(body.data).toEqual({ success: false })
    })

    it('answers success false for a user without a password hash', async () => {
      const body = await readJson(await send(passwordVerifyCall('passwordless@existing.com', '')))

      expect(body.data).toEqual({ success: false })
    })

    it('answers success false for a username longer than any identifier a store holds', async () => {
      const response = await send(passwordVerifyCall(`${'x'.repeat(3000)}@existing.com`, PASSWORD))

      expect(response.status).toBe(200)
      expect((await readJson(response)).data).toEqual({ success: false })
    })

    it('answers success true for a username of exactly 320 characters', async () => {
      const body = await readJson(await send(passwordVerifyCall(LONGEST_USERNAME, PASSWORD)))

      expect(body.data).toEqual({ success: true })
    })

    it('checks a password of 256 bytes and answers false for a longer one', async () => {
      const longest = await send(passwordVerifyCall(LONGEST_PASSWORD_USER, 'p'.repeat(256)))
      const tooLong = await send(passwordVerifyCall(TOO_LONG_PASSWORD_USER, 'p'.repeat(257)))

      expect((await readJson(longest)).data).toEqual({ success: true })
      expect(tooLong.status).toBe(200)
      expect((await readJson(tooLong)).data).toEqual({ success: false })
    })

    it('counts the password cap in UTF-8 bytes, not characters', async () => {
      const response = await send(passwordVerifyCall(MULTIBYTE_PASSWORD_USER, 'ü'.repeat(129)))

      expect((await readJson(response)).data).toEqual({ success: false })
    })

    it('answers false for a password of three-byte characters over 256 bytes', async () => {
      const response = await send(passwordVerifyCall(THREE_BYTE_PASSWORD_USER, '€'.repeat(86)))

      expect((await readJson(response)).data).toEqual({ success: false })
    })

    if (hasUnsupportedHashUser) {
      it('refuses a stored hash in a format no verifier knows, never passing it', async () => {
        const response = await send(passwordVerifyCall(UNSUPPORTED_HASH_USER, PASSWORD))

        expect(response.status).toBe(500)
        expect(await errorCode(response)).toBe('unsupported_hash')
      })

      it('refuses a stored hash with parameters beyond the limits', async () => {
        const response = await send(passwordVerifyCall('badcost@existing.com', PASSWORD))

        expect(response.status).toBe(500)
        expect(await errorCode(response)).toBe('invalid_hash')
      })
    }
  })

  describe('health', () => {
    it('answers GET /health with status ok', async () => {
      const response = await send(new Request('https://webhook.test/health'))

      expect(response.status).toBe(200)
      expect(await readJson(response)).toEqual({ status: 'ok' })
    })
  })
}
