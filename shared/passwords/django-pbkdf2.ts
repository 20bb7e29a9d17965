import { decodeBase64 } from './base64'
import { utf8 } from './bytes'
import { constantTimeEqual } from './constant-time'
import { checkPbkdf2Iterations, derivePbkdf2, type Pbkdf2Hash } from './pbkdf2-derive'
import { InvalidHashError, type PasswordVerifier } from './verifier'

// Django: pbkdf2_sha256$<iterations>$<salt>$<base64 hash>. The salt is used as its text,
// not decoded; Django's own salts are alphanumeric.
const DJANGO_PATTERN = /^pbkdf2_(sha256|sha1)\$(\d{1,9})\$([^$]+)\$([A-Za-z0-9+/]+={0,2})$/
const DJANGO_PREFIX_PATTERN = /^pbkdf2_(sha256|sha1)\$/
// Django derives a key as long as the digest (dklen=None) and compares all of it: a
// shorter stored key would compare fewer bytes and let wrong passwords through.
const VARIANTS: Record<string, { hash: Pbkdf2Hash; keyBytes: number }> = {
  sha256: { hash: 'SHA-256', keyBytes: 32 },
  sha1: { hash: 'SHA-1', keyBytes: 20 },
}

/**
 * Reads a Django PBKDF2 hash, throwing `InvalidHashError` when it is malformed or past the
 * iteration limit.
 */
function parseDjangoPbkdf2(hash: string) {
  const match = DJANGO_PATTERN.exec(hash)
  if (!match) {
    throw new InvalidHashError(
      'Django pbkdf2 hash is malformed: expected pbkdf2_sha256$<iterations>$<salt>$<hash>',
    )
  }
  const [, variant, iterationsText, salt, hashText] = match
  const expected = decodeBase64(hashText as string, 'Django pbkdf2 hash')
  const { hash: algorithm, keyBytes } = VARIANTS[variant as string] as (typeof VARIANTS)[string]
  if (expected.length !== keyBytes) {
    throw new InvalidHashError(
      `Django pbkdf2 key is ${expected.length} bytes: expected ${keyBytes}`,
    )
  }
  const iterations = Number(iterationsText)
  checkPbkdf2Iterations(iterations)
  return { algorithm, keyBytes, iterations, salt: salt as string, expected }
}

/** Django's `PBKDF2PasswordHasher` (`pbkdf2_sha256$`) and `PBKDF2SHA1PasswordHasher`. */
export const djangoPbkdf2Verifier: PasswordVerifier = {
  name: 'django-pbkdf2',

  matches: (hash) => DJANGO_PREFIX_PATTERN.test(hash),

  check(hash) {
    parseDjangoPbkdf2(hash)
  },

  async verify(password, hash) {
    const { algorithm, keyBytes, iterations, salt, expected } = parseDjangoPbkdf2(hash)

    const computed = await derivePbkdf2(algorithm, utf8(password), utf8(salt), iterations, keyBytes)
    return constantTimeEqual(computed, expected)
  },
}
