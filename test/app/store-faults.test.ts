import { describe, expect, it } from 'vitest'
import { createApp } from '../../shared/app/create-app'
import { StoreError, type UserStore } from '../../shared/store/user-store'
import { CONFORMANCE_CREDENTIALS } from '../conformance/fixtures'
import { authMethodsCall, passwordVerifyCall } from '../conformance/requests'

// Named mocks: a real store cannot be made to fail or hang on command.
const failingStore: UserStore = {
  findUser: async () => {
    throw new StoreError('connection refused')
  },
}
const hangingStore: UserStore = { findUser: () => new Promise(() => {}) }

describe('store faults', () => {
  it('answers 503 when the store throws, for both actions', async () => {
    const app = createApp({ credentials: CONFORMANCE_CREDENTIALS, store: failingStore })

    const lookup = await app.fetch(authMethodsCall('existing@existing.com'))
    const verify = await app.fetch(passwordVerifyCall('existing@existing.com', 'supersecret'))

    expect(lookup.status).toBe(503)
    expect(verify.status).toBe(503)
    expect(await lookup.json()).toEqual({
      error: { code: 'store_unavailable', message: expect.stringContaining('try again') },
    })
  })

  it('answers 503 once the store misses its deadline', async () => {
    const app = createApp({
      credentials: CONFORMANCE_CREDENTIALS,
      store: hangingStore,
      storeTimeoutMs: 50,
    })

    const response = await app.fetch(authMethodsCall('existing@existing.com'))

    expect(response.status).toBe(503)
  })

  it('does not leak the cause of a store failure to the caller', async () => {
    const app = createApp({ credentials: CONFORMANCE_CREDENTIALS, store: failingStore })

    const text = await (await app.fetch(authMethodsCall('existing@existing.com'))).text()

    expect(text).not.toContain('connection refused')
  })
})

describe('missing configuration', () => {
  it.each([
    ['no credentials', undefined],
    ['an empty password', { username: 'corbado', password: '' }],
  ])('refuses every call with %s configured', async (_, credentials) => {
    const app = createApp({ credentials, store: failingStore })

    const response = await app.fetch(authMethodsCall('existing@existing.com'))

    expect(response.status).toBe(401)
    expect((await response.json()).error.code).toBe('credentials_not_configured')
  })
})
