import { encodeBase64 } from './base64'
import { bcryptMatches, parseBcrypt } from './bcrypt'
import { utf8 } from './bytes'
import { keyedHmac } from './digest'
import type { PasswordVerifier } from './verifier'

const WORDPRESS_PREFIX = '$wp$'
const wordpressHmac = keyedHmac('SHA-384', utf8('wp-sha384'))

// The bcrypt hash behind `$wp`, which keeps its own leading `$`.
const parseWordpressBcrypt = (hash: string) => parseBcrypt(hash.slice(WORDPRESS_PREFIX.length - 1))

/**
 * WordPress 6.8 and later: `$wp` and a bcrypt hash (`$2y$`) of the base64 HMAC-SHA384 of
 * the password under the fixed key `wp-sha384`, which lifts bcrypt's 72-byte limit.
 */
export const wordpressBcryptVerifier: PasswordVerifier = {
  name: 'wordpress-bcrypt',

  matches: (hash) => hash.startsWith(WORDPRESS_PREFIX),

  check(hash) {
    parseWordpressBcrypt(hash)
  },

  async verify(password, hash) {
    const bcrypt = parseWordpressBcrypt(hash)
    const mac = await wordpressHmac(utf8(password))
    return bcryptMatches(encodeBase64(mac), bcrypt)
  },
}
