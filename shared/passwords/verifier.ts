/**
 * Verifies passwords against one family of hash formats. Add a format by writing one of
 * these and listing it in `verifiers.ts`.
 *
 * `check` and `verify` read the hash with the same parse function, which holds the format's
 * pattern and every limit, so the two cannot disagree about which hashes are usable.
 */
export interface PasswordVerifier {
  /** A short name for logs, such as `bcrypt`. Never includes any part of a hash. */
  readonly name: string
  /** Whether this verifier owns hashes of this form. Looks at the string only; cheap. */
  matches(hash: string): boolean
  /**
   * Throws `InvalidHashError` exactly when `verify` would throw it for any password: a
   * malformed hash, a key or digest shorter than its format writes, or parameters beyond
   * the verifier's limits. Only parses (decoding base64 and reading parameters), never
   * hashes, so a users file can be checked before it is imported; a hash that passes
   * fails `verify` only for a wrong password.
   */
  check(hash: string): void
  /**
   * Resolves `true` only when `password` is the one the hash was made from, comparing in
   * constant time. Throws `InvalidHashError` for a malformed hash or parameters beyond
   * the verifier's limits, as `check` does; such a hash never passes.
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
