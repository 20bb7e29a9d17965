import { describe, expect, it } from 'vitest'
import { createApp } from '../../shared/app/create-app'
import { bcryptVerifier } from '../../shared/passwords/bcrypt'
import type { PasswordVerifier } from '../../shared/passwords/verifier'
import { MemoryStore } from '../../shared/store/memory-store'
import { parseUsers } from '../../shared/store/users-file'
import {
  CONFORMANCE_CREDENTIALS,
  CONFORMANCE_USERS,
  LONGEST_USERNAME,
} from '../conformance/fixtures'
import { authMethodsCall, passwordVerifyCall } from '../conformance/requests'

const TIMING_HASH = '$2b$04$b5/CwNDuHMWtLRhRscesW.vTvtd6ce5pqA92jrybyLW8GwxWter1W'

/** The real bcrypt verifier, recording which hashes it was asked to check. */
function recordingVerifier(checked: string[]): PasswordVerifier {
  return {
    ...bcryptVerifier,
    verify(password, hash) {
      checked.push(hash)
      return bcryptVerifier.verify(password, hash)
    },
  }
}

/** The app on the conformance users, with only the recording bcrypt verifier. */
function recordingApp(checked: string[]) {
  return createApp({
    credentials: CONFORMANCE_CREDENTIALS,
    store: new MemoryStore(parseUsers(CONFORMANCE_USERS).users),
    verifiers: [recordingVerifier(checked)],
    timingHash: TIMING_HASH,
  })
}

describe('passwordVerify work', () => {
  it.each([
    ['an unknown user', 'nonexisting@nonexisting.com'],
    ['a blocked user', 'blocked@existing.com'],
    ['a user without a hash', 'passwordless@existing.com'],
  ])('runs one full verification for %s, as for a known one', async (_, username) => {
    const checked: string[] = []
    const app = recordingApp(checked)

    const known = await app.fetch(passwordVerifyCall('existing@existing.com', 'wrong'))
    const other = await app.fetch(passwordVerifyCall(username, 'wrong'))

    expect((await known.json()).data.success).toBe(false)
    expect((await other.json()).data.success).toBe(false)
    expect(checked).toHaveLength(2)
    expect(checked[1]).toBe(TIMING_HASH)
  })

  it('never lets the timing hash pass, even for its own password', async () => {
    const app = createApp({
      credentials: CONFORMANCE_CREDENTIALS,
      store: new MemoryStore([]),
      timingHash: TIMING_HASH,
    })

    const response = await app.fetch(passwordVerifyCall('nobody@example.com', 'supersecret'))

    expect((await response.json()).data.success).toBe(false)
  })

  it('answers false for an unknown user when the timing hash cannot be verified', async () => {
    const app = createApp({
      credentials: CONFORMANCE_CREDENTIALS,
      store: new MemoryStore([]),
      // A bcrypt cost of 31 is beyond the verifier's limit, so checking it throws.
      timingHash: `$2b$31$${'a'.repeat(53)}`,
    })

    const response = await app.fetch(passwordVerifyCall('nobody@example.com', 'supersecret'))

    expect(response.status).toBe(200)
    expect((await response.json()).data.success).toBe(false)
  })

  it.each([
    ['257 one-byte characters', 'p'.repeat(257)],
    ['86 three-byte characters, 258 bytes', '€'.repeat(86)],
  ])('spends no lookup and no hash on a password of %s, over the cap', async (_, password) => {
    const checked: string[] = []
    const app = recordingApp(checked)

    const response = await app.fetch(passwordVerifyCall('existing@existing.com', password))

    expect((await response.json()).data.success).toBe(false)
    expect(checked).toHaveLength(0)
  })
})

describe('lookup work', () => {
  // The 320-character cap is spelled out by LONGEST_USERNAME, so a changed cap fails here.
  it('looks up a username of 320 characters and spends no lookup on one of 321', async () => {
    const looked: string[] = []
    const store = new MemoryStore(parseUsers(CONFORMANCE_USERS).users)
    const app = createApp({
      credentials: CONFORMANCE_CREDENTIALS,
      store: {
        findUser(identifier) {
          looked.push(identifier)
          return store.findUser(identifier)
        },
      },
    })

    const longest = await app.fetch(authMethodsCall(LONGEST_USERNAME))
    const over = await app.fetch(authMethodsCall(`a${LONGEST_USERNAME}`))

    expect((await longest.json()).data).toEqual({ status: 'exists' })
    expect((await over.json()).data).toEqual({ status: 'not_exists' })
    expect(looked).toEqual([LONGEST_USERNAME])
  })
})
