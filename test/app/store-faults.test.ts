import { describe, expect, it } from 'vitest'
import { createApp } from '../../shared/app/create-app'
import { STORE_TIMEOUT_MS } from '../../shared/app/defaults'
import { MemoryStore } from '../../shared/store/memory-store'
import { StoreError, type UserStore } from '../../shared/store/user-store'
import { parseUsers } from '../../shared/store/users-file'
import { CONFORMANCE_CREDENTIALS, CONFORMANCE_USERS, PASSWORD } from '../conformance/fixtures'
import { authMethodsCall, passwordVerifyCall } from '../conformance/requests'
import { readJson } from '../conformance/target'

// Scheduling slack on a loaded machine; the protocol's own deadline is STORE_TIMEOUT_MS.
const MARGIN_MS = 250

// Named mocks: a real store cannot be made to fail or hang on command.
const failingStore: UserStore = {
  findUser: async () => {
    throw new StoreError('connection refused')
  },
}

// A fake store written without `async`, as a fork's own store might be: its failure is a
// synchronous throw rather than a rejected promise.
const synchronouslyThrowingStore: UserStore = {
  findUser() {
    throw new StoreError('thrown before any promise')
  },
}

/** The real in-memory store behind a switch that makes every lookup hang while it is on. */
function switchableStore() {
  const real = new MemoryStore(parseUsers(CONFORMANCE_USERS).users)
  const state = { isHanging: true }
  const store: UserStore = {
    findUser: (identifier) => (state.isHanging ? new Promise(() => {}) : real.findUser(identifier)),
  }
  return { store, state }
}

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

  it('answers 503 when the store throws before returning a promise, for both actions', async () => {
    const app = createApp({
      credentials: CONFORMANCE_CREDENTIALS,
      store: synchronouslyThrowingStore,
    })

    const lookup = await app.fetch(authMethodsCall('existing@existing.com'))
    const verify = await app.fetch(passwordVerifyCall('existing@existing.com', PASSWORD))

    expect(lookup.status).toBe(503)
    expect((await readJson(lookup)).error.code).toBe('store_unavailable')
    expect(verify.status).toBe(503)
    expect((await readJson(verify)).error.code).toBe('store_unavailable')
  })

  it.each([
    ['authMethods', () => authMethodsCall('existing@existing.com')],
    ['passwordVerify', () => passwordVerifyCall('existing@existing.com', PASSWORD)],
  ])(
    'answers %s with 503 once a hanging store misses its deadline, not before',
    async (_, call) => {
      const { store } = switchableStore()
      const app = createApp({ credentials: CONFORMANCE_CREDENTIALS, store })

      const startedAt = performance.now()
      const response = await app.fetch(call())
      const elapsedMs = performance.now() - startedAt

      expect(response.status).toBe(503)
      expect((await readJson(response)).error.code).toBe('store_unavailable')
      expect(elapsedMs).toBeGreaterThanOrEqual(STORE_TIMEOUT_MS - 5)
      expect(elapsedMs).toBeLessThan(STORE_TIMEOUT_MS + MARGIN_MS)
    },
  )

  it('answers right again once a store that hung recovers', async () => {
    const { store, state } = switchableStore()
    const app = createApp({ credentials: CONFORMANCE_CREDENTIALS, store, storeTimeoutMs: 50 })

    const during = await Promise.all([
      app.fetch(authMethodsCall('existing@existing.com')),
      app.fetch(passwordVerifyCall('existing@existing.com', PASSWORD)),
    ])
    state.isHanging = false
    const exists = await readJson(await app.fetch(authMethodsCall('existing@existing.com')))
    const unknown = await readJson(await app.fetch(authMethodsCall('nobody@example.com')))
    const verified = await readJson(
      await app.fetch(passwordVerifyCall('existing@existing.com', PASSWORD)),
    )

    expect(during.map((response) => response.status)).toEqual([503, 503])
    expect(exists.data).toEqual({ status: 'exists' })
    expect(unknown.data).toEqual({ status: 'not_exists' })
    expect(verified.data).toEqual({ success: true })
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
