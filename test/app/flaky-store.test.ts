import { describe, expect, it } from 'vitest'
import { createApp } from '../../shared/app/create-app'
import { MemoryStore } from '../../shared/store/memory-store'
import { StoreError, type UserStore } from '../../shared/store/user-store'
import { parseUsers } from '../../shared/store/users-file'
import { CONFORMANCE_CREDENTIALS, CONFORMANCE_USERS, PASSWORD } from '../conformance/fixtures'
import { authMethodsCall, passwordVerifyCall } from '../conformance/requests'
import { readJson } from '../conformance/target'

const STORE_TIMEOUT_MS = 100
const CALLS = 100
// bcrypt cost 4, like the fixtures: unknown users cost as little as known ones here.
const TIMING_HASH = '$2b$04$b5/CwNDuHMWtLRhRscesW.vTvtd6ce5pqA92jrybyLW8GwxWter1W'

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

// Four calls in turn, each with its right answer; the fault schedule meets all four.
const ROUND = [
  { call: () => authMethodsCall('existing@existing.com'), data: { status: 'exists' } },
  { call: () => authMethodsCall('nonexisting@nonexisting.com'), data: { status: 'not_exists' } },
  { call: () => passwordVerifyCall('existing@existing.com', PASSWORD), data: { success: true } },
  { call: () => passwordVerifyCall('nobody@example.com', PASSWORD), data: { success: false } },
]

describe('a store that fails one call in ten and hangs on another', () => {
  it('answers 503 within the deadline for those calls and right answers for the rest', async () => {
    const app = createApp({
      credentials: CONFORMANCE_CREDENTIALS,
      store: flakyStore(),
      storeTimeoutMs: STORE_TIMEOUT_MS,
      timingHash: TIMING_HASH,
    })

    // One call at a time, so the store's schedule meets the calls in order.
    const faulted = new Set<string>()
    for (let i = 0; i < CALLS; i++) {
      const turn = ROUND[i % ROUND.length] as (typeof ROUND)[number]
      const request = turn.call()
      const action = request.headers.get('X-Corbado-Action') as string
      const startedAt = performance.now()
      const response = await app.fetch(request)
      const elapsedMs = performance.now() - startedAt

      const call = i + 1
      if (call % 10 === 0 || call % 10 === 5) {
        expect(response.status, `call ${call}`).toBe(503)
        expect((await readJson(response)).error.code).toBe('store_unavailable')
        expect(elapsedMs).toBeLessThan(STORE_TIMEOUT_MS + 400)
        faulted.add(action)
      } else {
        expect(response.status, `call ${call}`).toBe(200)
        expect((await readJson(response)).data, `call ${call}`).toEqual(turn.data)
      }
    }

    expect([...faulted].sort()).toEqual(['authMethods', 'passwordVerify'])
  })
})
