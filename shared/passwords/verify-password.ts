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
  const verifier = ownerOf(hash, verifiers)

  const isValid = await verifier.verify(password, hash)
  return { isValid: isValid === true, verifier: verifier.name }
}

/**
 * Checks, without hashing anything, that `verifyPassword` can use `hash`: throws
 * `UnsupportedHashError` when no verifier owns its format, and lets the owner's
 * `InvalidHashError` through. Neither message holds any part of the hash. Meant for
 * importing users, so that a damaged hash is found then rather than at the user's sign-in.
 */
export function checkHash(hash: string, verifiers: readonly PasswordVerifier[]): void {
  ownerOf(hash, verifiers).check(hash)
}

function ownerOf(hash: string, verifiers: readonly PasswordVerifier[]): PasswordVerifier {
  const verifier = verifiers.find((candidate) => candidate.matches(hash))
  if (!verifier) {
    throw new UnsupportedHashError('no verifier knows the stored hash format')
  }
  return verifier
}
