import { bcryptMatches, parseBcrypt } from './bcrypt'
import { utf8 } from './bytes'
import { shaDigest } from './digest'
import type { PasswordVerifier } from './verifier'

const SHA256_PREFIX = 'bcrypt_sha256$'
const PLAIN_PREFIX = 'bcrypt$'

/** Whether the password is pre-hashed with SHA-256, and the bcrypt hash behind the prefix. */
function parseDjangoBcrypt(hash: string) {
  const isPlain = hash.startsWith(PLAIN_PREFIX)
  const prefix = isPlain ? PLAIN_PREFIX : SHA256_PREFIX
  return { isPlain, bcrypt: parseBcrypt(hash.slice(prefix.length)) }
}

/**
 * Django's bcrypt hashers. `BCryptSHA256PasswordHasher` stores `bcrypt_sha256$` and a
 * bcrypt hash of the password's SHA-256 in lowercase hex, which lifts bcrypt's 72-byte
 * limit; `BCryptPasswordHasher` stores `bcrypt$` and a bcrypt hash of the password.
 */
export const djangoBcryptVerifier: PasswordVerifier = {
  name: 'django-bcrypt',

  matches: (hash) => hash.startsWith(SHA256_PREFIX) || hash.startsWith(PLAIN_PREFIX),

  check(hash) {
    parseDjangoBcrypt(hash)
  },

  async verify(password, hash) {
    const { isPlain, bcrypt } = parseDjangoBcrypt(hash)
    if (isPlain) {
      return bcryptMatches(password, bcrypt)
    }
    const digest = await shaDigest('SHA-256', utf8(password))
    const hex = Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('')
    return bcryptMatches(hex, bcrypt)
  },
}
