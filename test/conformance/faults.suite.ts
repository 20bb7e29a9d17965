import { beforeAll, describe, expect, it } from 'vitest'
import { CONFORMANCE_CREDENTIALS, EXISTING_USER, PASSWORD } from './fixtures'
import { authMethodsCall, passwordVerifyCall } from './requests'
import { errorCode, type FetchTarget, type TargetFactory } from './target'

/** Targets in a state a seeded, credentialed target never reaches. */
export interface FaultTargets {
  /** A target whose user store fails every lookup. */
  storeUnavailable?: TargetFactory
  /** A target set up without webhook credentials. */
  withoutCredentials?: TargetFactory
}

const CALLS = [
  ['authMethods', () => authMethodsCall(EXISTING_USER)],
  ['passwordVerify', () => passwordVerifyCall(EXISTING_USER, PASSWORD)],
] as const

function useTarget(makeTarget: TargetFactory) {
  let send: FetchTarget | undefined
  beforeAll(async () => {
    send = await makeTarget()
  })
  return (request: Request) => (send as FetchTarget)(request)
}

/** The error-table rows that need a broken target: 503 and `credentials_not_configured`. */
export function describeFaults(targets: FaultTargets) {
  const { storeUnavailable, withoutCredentials } = targets

  if (storeUnavailable) {
    describe('a failing store', () => {
      const send = useTarget(storeUnavailable)

      it.each(CALLS)('answers %s with 503 store_unavailable, never a guess', async (_, call) => {
        const response = await send(call())

        expect(response.status).toBe(503)
        expect(response.headers.get('Content-Type')).toBe('application/json; charset=utf-8')
        expect(await errorCode(response)).toBe('store_unavailable')
      })
    })
  }

  if (withoutCredentials) {
    describe('no configured credentials', () => {
      const send = useTarget(withoutCredentials)

      it.each([
        ['the conformance credentials', CONFORMANCE_CREDENTIALS],
        ['no credentials', null],
        ['an empty username and password', { username: '', password: '' }],
      ])('refuses a call with %s with 401 credentials_not_configured', async (_, credentials) => {
        const response = await send(authMethodsCall(EXISTING_USER, { credentials }))

        expect(response.status).toBe(401)
        expect(response.headers.get('Content-Type')).toBe('application/json; charset=utf-8')
        expect(await errorCode(response)).toBe('credentials_not_configured')
        expect(response.headers.get('WWW-Authenticate')).toMatch(/^Basic realm="[^"]+"/)
      })
    })
  }
}
