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
}

/**
 * Answers whether the password is right for the username. An unknown user, a blocked
 * one and one without a hash all get `false` after the same work as a real check, so
 * the answer's timing does not tell which case it was.
 */
export async function passwordVerify(
  request: PasswordVerifyRequest,
  options: PasswordVerifyOptions,
): Promise<boolean> {
  const { username, password } = request.data
  const user = await findUser(options.store, username, options.storeTimeoutMs)

  if (!user?.passwordHash || user.status === 'blocked') {
    await verifyPassword(password, options.timingHash, options.verifiers)
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
        `The user's stored password hash cannot be used: ${error.message}.`,
        { cause: error },
      )
    }
    throw error
  }
}
