import { describe, expect, it } from 'vitest'
import { createApp } from '../../shared/app/create-app'
import { MemoryStore } from '../../shared/store/memory-store'
import { StoreError, type UserStore } from '../../shared/store/user-store'
import { parseUsers } from '../../shared/store/users-file'
import { CONFORMANCE_CREDENTIALS, CONFORMANCE_USERS } from '../conformance/fixtures'
import { authMethodsCall } from '../conformance/requests'

const STORE_TIMEOUT_MS = 100
const CALLS = 100

/**
 * A named mock around the real in-memory store: every tenth lookup throws and every
 * tenth, offset by five, never answers. No real store fails on such a schedule.
 */
function flakyStore(): UserStore {
  const real = new MemoryStore(parseUsers(CONFORMANCE_USERS).users)
  let calls = 0
  return {
    findUser(identifier) {
      calls += 1
      if (calls % 10 === 0) return Promise.reject(new StoreError('injected failure'))
      if (calls % 10 === 5) return new Promise(() => {})
      return real.findUser(identifier)
    },
  }
}

describe('a store that fails one call in ten and hangs on another', () => {
  it('answers 503 within the deadline for those calls and right answers for the rest', async () => {
    const app = createApp({
      credentials: CONFORMANCE_CREDENTIALS,
      store: flakyStore(),
      storeTimeoutMs: STORE_TIMEOUT_MS,
    })
    const usernames = ['existing@existing.com', 'nonexisting@nonexisting.com']

    // One call at a time, so the store's schedule meets the calls in order.
    const results = []
    for (let i = 0; i < CALLS; i++) {
      const startedAt = performance.now()
      const response = await app.fetch(authMethodsCall(usernames[i % 2] as string))
      results.push({ i, response, elapsedMs: performance.now() - startedAt })
    }

    for (const { i, response, elapsedMs } of results) {
      const call = i + 1
      if (call % 10 === 0 || call % 10 === 5) {
        expect(response.status).toBe(503)
        expect(elapsedMs).toBeLessThan(STORE_TIMEOUT_MS + 400)
      } else {
        expect(response.status).toBe(200)
        const expected = i % 2 === 0 ? 'exists' : 'not_exists'
        expect((await response.json()).data.status).toBe(expected)
      }
    }
    const after = await app.fetch(authMethodsCall('existing@existing.com'))
    expect(after.status).toBe(200)
  })
})
