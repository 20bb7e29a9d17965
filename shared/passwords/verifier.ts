/**
 * Verifies passwords against one family of hash formats. Add a format by writing one of
 * these and listing it in `verifiers.ts`.
 */
export interface PasswordVerifier {
  /** A short name for logs, such as `bcrypt`. Never includes any part of a hash. */
  readonly name: string
  /** Whether this verifier owns hashes of this form. Looks at the string only; cheap. */
  matches(hash: string): boolean
  /**
   * Resolves `true` only when `password` is the one the hash was made from, comparing in
   * constant time. Throws `InvalidHashError` for a malformed hash or parameters beyond
   * the verifier's limits; such a hash never passes.
   */
  verify(password: string, hash: string): Promise<boolean>
}

/** The stored hash belongs to a known family but cannot be used as it is. */
export class InvalidHashError extends Error {
  override readonly name = 'InvalidHashError'
}

/** No verifier knows the stored hash's format. */
export class UnsupportedHashError extends Error {
  override readonly name = 'UnsupportedHashError'
}
