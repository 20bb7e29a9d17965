import { decodeAdaptedBase64 } from './base64'
import { utf8 } from './bytes'
import { constantTimeEqual } from './constant-time'
import { checkPbkdf2Iterations, derivePbkdf2, type Pbkdf2Hash } from './pbkdf2-derive'
import { InvalidHashError, type PasswordVerifier } from './verifier'

// passlib: $pbkdf2[-sha256|-sha512]$<rounds>$<salt>$<hash>, in passlib's adapted base64.
const PBKDF2_PATTERN = /^\$pbkdf2(-sha256|-sha512)?\$(\d{1,9})\$([./A-Za-z0-9]*)\$([./A-Za-z0-9]+)$/
const PBKDF2_PREFIX_PATTERN = /^\$pbkdf2(-sha256|-sha512)?\$/
// passlib writes, and on parsing demands, a key exactly as long as the digest: a shorter
// stored key would compare fewer bytes and let wrong passwords through.
const VARIANTS: Record<string, { hash: Pbkdf2Hash; keyBytes: number }> = {
  '': { hash: 'SHA-1', keyBytes: 20 },
  '-sha256': { hash: 'SHA-256', keyBytes: 32 },
  '-sha512': { hash: 'SHA-512', keyBytes: 64 },
}

/**
 * Reads a passlib PBKDF2 hash, throwing `InvalidHashError` when it is malformed or past the
 * iteration limit.
 */
function parsePbkdf2(hash: string) {
  const match = PBKDF2_PATTERN.exec(hash)
  if (!match) {
    throw new InvalidHashError('pbkdf2 hash is malformed: expected $pbkdf2-sha256$<rounds>$…$…')
  }
  const [, variant = '', roundsText, saltText, hashText] = match
  const salt = decodeAdaptedBase64(saltText as string, 'pbkdf2 salt')
  const expected = decodeAdaptedBase64(hashText as string, 'pbkdf2 hash')
  const { hash: algorithm, keyBytes } = VARIANTS[variant] as (typeof VARIANTS)[string]
  if (expected.length !== keyBytes) {
    throw new InvalidHashError(`pbkdf2 key is ${expected.length} bytes: expected ${keyBytes}`)
  }
  const iterations = Number(roundsText)
  checkPbkdf2Iterations(iterations)
  return { algorithm, keyBytes, iterations, salt, expected }
}

/** PBKDF2 as passlib writes it: `$pbkdf2$` (SHA-1), `$pbkdf2-sha256$`, `$pbkdf2-sha512$`. */
export const pbkdf2Verifier: PasswordVerifier = {
  name: 'pbkdf2',

  matches: (hash) => PBKDF2_PREFIX_PATTERN.test(hash),

  check(hash) {
    parsePbkdf2(hash)
  },

  async verify(password, hash) {
    const { algorithm, keyBytes, iterations, salt, expected } = parsePbkdf2(hash)

    const computed = await derivePbkdf2(algorithm, utf8(password), salt, iterations, keyBytes)
    return constantTimeEqual(computed, expected)
  },
}
