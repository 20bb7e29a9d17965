import { verifyBcrypt } from './bcrypt'
import { utf8 } from './bytes'
import { shaDigest } from './digest'
import type { PasswordVerifier } from './verifier'

const SHA256_PREFIX = 'bcrypt_sha256$'
const PLAIN_PREFIX = 'bcrypt$'

/**
 * Django's bcrypt hashers. `BCryptSHA256PasswordHasher` stores `bcrypt_sha256$` and a
 * bcrypt hash of the password's SHA-256 in lowercase hex, which lifts bcrypt's 72-byte
 * limit; `BCryptPasswordHasher` stores `bcrypt$` and a bcrypt hash of the password.
 */
export const djangoBcryptVerifier: PasswordVerifier = {
  name: 'django-bcrypt',

  matches: (hash) => hash.startsWith(SHA256_PREFIX) || hash.startsWith(PLAIN_PREFIX),

  async verify(password, hash) {
    if (hash.startsWith(PLAIN_PREFIX)) {
      return verifyBcrypt(password, hash.slice(PLAIN_PREFIX.length))
    }
    const digest = await shaDigest('SHA-256', utf8(password))
    const hex = Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('')
    return verifyBcrypt(hex, hash.slice(SHA256_PREFIX.length))
  },
}
