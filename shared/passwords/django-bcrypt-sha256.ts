import { verifyBcrypt } from './bcrypt'
import { utf8 } from './bytes'
import { shaDigest } from './digest'
import type { PasswordVerifier } from './verifier'

const DJANGO_PREFIX = 'bcrypt_sha256$'

/**
 * Django's `BCryptSHA256PasswordHasher`: `bcrypt_sha256$` and a bcrypt hash of the
 * password's SHA-256 in lowercase hex, which lifts bcrypt's 72-byte password limit.
 */
export const djangoBcryptSha256Verifier: PasswordVerifier = {
  name: 'django-bcrypt-sha256',

  matches: (hash) => hash.startsWith(DJANGO_PREFIX),

  async verify(password, hash) {
    const digest = await shaDigest('SHA-256', utf8(password))
    const hex = Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('')
    return verifyBcrypt(hex, hash.slice(DJANGO_PREFIX.length))
  },
}
