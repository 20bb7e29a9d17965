import {
  InvalidHashError,
  type PasswordVerifier,
  UnsupportedHashError,
} from '../../passwords/verifier'
import { verifyPassword } from '../../passwords/verify-password'
import type { PasswordVerifyRequest } from '../../protocol/entities'
import { WebhookError } from '../../protocol/errors'
import type { UserStore } from '../../store/user-store'
import { findUser } from '../find-user'

export interface PasswordVerifyOptions {
  store: UserStore
  verifiers: readonly PasswordVerifier[]
  storeTimeoutMs: number
  /** Verified, and the result dropped, when there is no real hash to check. */
  timingHash: string
  /** A longer password is `false` for every user, without a lookup or a hash. */
  maxPasswordBytes: number
}

/**
 * Answers whether the password is right for the username. An unknown user, a blocked
 * one and one without a hash all get `false` after the same work as a real check, so
 * the answer's timing does not tell which case it was. A password over
 * `maxPasswordBytes` is `false` for every user, without a lookup or a hash.
 */
export async function passwordVerify(
  request: PasswordVerifyRequest,
  options: PasswordVerifyOptions,
): Promise<boolean> {
  const { username, password } = request.data
  if (isLongerThan(password, options.maxPasswordBytes)) return false

  const user = await findUser(options.store, username, options.storeTimeoutMs)

  if (!user?.passwordHash || user.status === 'blocked') {
    await checkDecoy(password, options)
    return false
  }

  try {
    const check = await verifyPassword(password, user.passwordHash, options.verifiers)
    return check.isValid
  } catch (error) {
    if (error instanceof UnsupportedHashError) {
      throw new WebhookError(
        'unsupported_hash',
        "The user's stored password hash is in a format no verifier supports; add a verifier for it or re-import the user.",
        { cause: error },
      )
    }
    if (error instanceof InvalidHashError) {
      throw new WebhookError(
        'invalid_hash',
        "The user's stored password hash is malformed or beyond this webhook's limits; the webhook's log line names the problem.",
        { cause: error },
      )
    }
    throw error
  }
}

const utf8 = new TextEncoder()

// UTF-8 takes one to three bytes per UTF-16 code unit, so only long strings are encoded.
function isLongerThan(password: string, maxBytes: number): boolean {
  if (password.length * 3 <= maxBytes) return false
  return password.length > maxBytes || utf8.encode(password).length > maxBytes
}

/**
 * Verifies against the timing hash only to spend the time a real check takes; its result
 * is dropped. A timing hash that cannot be verified (refused at start where the platform
 * can check it) must not turn an unknown user's `false` into a 500 that known users
 * never get, so its failure is dropped too.
 */
async function checkDecoy(password: string, options: PasswordVerifyOptions): Promise<void> {
  try {
    await verifyPassword(password, options.timingHash, options.verifiers)
  } catch {
    // Nothing to answer differently: the result was never going to be used.
  }
}
