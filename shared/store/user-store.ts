/** Whether a user may sign in. A blocked user exists but never passes `passwordVerify`. */
export type UserStatus = 'active' | 'blocked'

/** One existing user, as the webhook sees it. */
export interface UserRecord {
  /** The primary login identifier: an email address, a phone number or a plain name. */
  username: string
  /** More identifiers of the same user, such as a phone number beside the email. */
  aliases?: string[]
  /** The legacy password hash. A user without one never passes `passwordVerify`. */
  passwordHash?: string
  /** Defaults to `active`. */
  status: UserStatus
}

/**
 * Where the webhook looks users up. Implement this to point the template at your users.
 *
 * `findUser` receives an identifier already normalized by `normalizeIdentifier`, and must
 * find the user by its username or any of its aliases. It resolves `undefined` for an
 * unknown identifier and throws (ideally a `StoreError`) when the store cannot answer:
 * the webhook then answers 503 instead of a wrong "not_exists".
 */
export interface UserStore {
  findUser(identifier: string): Promise<UserRecord | undefined>
}

/** The store could not answer: unreachable, throttled, timed out or misconfigured. */
export class StoreError extends Error {
  override readonly name = 'StoreError'
}
