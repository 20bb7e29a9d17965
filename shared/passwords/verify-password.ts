import { type PasswordVerifier, UnsupportedHashError } from './verifier'

/** The outcome of checking one password, with the verifier that decided it. */
export interface PasswordCheck {
  isValid: boolean
  verifier: string
}

/**
 * Checks `password` against `hash` with the first verifier that owns the hash's format.
 * Throws `UnsupportedHashError` when none does, and lets a verifier's `InvalidHashError`
 * through: neither ever counts as a valid password.
 */
export async function verifyPassword(
  password: string,
  hash: string,
  verifiers: readonly PasswordVerifier[],
): Promise<PasswordCheck> {
  const verifier = verifiers.find((candidate) => candidate.matches(hash))
  if (!verifier) {
    throw new UnsupportedHashError('no verifier knows the stored hash format')
  }

  const isValid = await verifier.verify(password, hash)
  return { isValid: isValid === true, verifier: verifier.name }
}
