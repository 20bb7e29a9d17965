import { beforeAll, describe, expect, it } from 'vitest'
import { passwordVerifyCall } from '../conformance/requests'
import { type FetchTarget, readJson } from '../conformance/target'
import { FORMAT_NAMES, FORMAT_USER_ROWS, FORMAT_USERS } from './format-users'

// Pure-JS hashing runs several times slower inside the workerd test pool than deployed;
// Django's bcrypt_sha256 at cost 12 and Firebase's scrypt at N=2^14 take the longest.
const FORMAT_TIMEOUT_MS = 30_000

/** Builds a target seeded with `rows`, with Firebase's settings of `FIREBASE_ENV`. */
export type FormatTargetFactory = (rows: typeof FORMAT_USER_ROWS) => Promise<FetchTarget>

/**
 * Sends `passwordVerify` for a user of every hash format variant through a whole webhook:
 * the right password answers `success: true`, a wrong one `success: false`.
 */
export function describePasswordFormats(title: string, makeTarget: FormatTargetFactory): void {
  describe(title, () => {
    let target: FetchTarget
    beforeAll(async () => {
      target = await makeTarget(FORMAT_USER_ROWS)
    })

    it('has a user for every format variant of the vector files', () => {
      expect(FORMAT_USERS.map((user) => user.format)).toEqual(FORMAT_NAMES)
    })

    for (const user of FORMAT_USERS) {
      it(
        `answers success true for the right password and false for a wrong one (${user.format})`,
        async () => {
          const right = await target(passwordVerifyCall(user.username, user.password))
          const wrong = await target(passwordVerifyCall(user.username, user.wrong))

          expect(right.status).toBe(200)
          expect((await readJson(right)).data).toEqual({ success: true })
          expect(wrong.status).toBe(200)
          expect((await readJson(wrong)).data).toEqual({ success: false })
        },
        FORMAT_TIMEOUT_MS,
      )
    }
  })
}
