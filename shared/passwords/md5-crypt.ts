import { concatBytes, utf8 } from './bytes'
import { constantTimeEqual } from './constant-time'
import { cryptRounds, repeatTo } from './crypt-rounds'
import { encodeHash64 } from './hash64'
import { loadSyncHash, type SyncHash } from './sync-hash'
import { InvalidHashError, type PasswordVerifier } from './verifier'

// $1$<salt, up to 8 characters>$<22 hash64 characters>; Apache's $apr1$ differs only in
// the magic string mixed into the digest.
const MD5_CRYPT_PATTERN = /^(\$1\$|\$apr1\$)([^$]{0,8})\$([./A-Za-z0-9]{22})$/
const MD5_CRYPT_PREFIX_PATTERN = /^(\$1\$|\$apr1\$)/
// md5-crypt has no cost parameter: Poul-Henning Kamp fixed it at 1000 rounds.
const ROUNDS = 1000
const ORDER = [12, 6, 0, 13, 7, 1, 14, 8, 2, 15, 9, 3, 5, 10, 4, 11]

/** The digest of md5-crypt; `md5` is MD5, `magic` is `$1$` or `$apr1$`. */
export function md5CryptDigest(
  md5: SyncHash,
  password: Uint8Array,
  magic: Uint8Array,
  salt: Uint8Array,
) {
  const alternate = md5(concatBytes(password, salt, password))
  const first = [password, magic, salt, repeatTo(alternate, password.length)]
  // Kamp's C original adds a zero byte here, read from the digest buffer it has just
  // cleared, where the digest's first byte was meant; every implementation keeps the quirk.
  for (let bits = password.length; bits > 0; bits >>= 1) {
    first.push(bits & 1 ? new Uint8Array(1) : password.subarray(0, 1))
  }
  return cryptRounds(md5, md5(concatBytes(...first)), password, salt, ROUNDS)
}

/** Reads an md5-crypt hash, throwing `InvalidHashError` when it is malformed. */
function parseMd5Crypt(hash: string) {
  const match = MD5_CRYPT_PATTERN.exec(hash)
  if (!match) {
    throw new InvalidHashError('md5-crypt hash is malformed: expected $1$<salt>$ and 22 characters')
  }
  const [, magic, salt, expected] = match
  return { magic: magic as string, salt: salt as string, expected: expected as string }
}

/** md5-crypt (`$1$`, FreeBSD and old Linux) and Apache's `$apr1$` (htpasswd). */
export const md5CryptVerifier: PasswordVerifier = {
  name: 'md5-crypt',

  matches: (hash) => MD5_CRYPT_PREFIX_PATTERN.test(hash),

  check(hash) {
    parseMd5Crypt(hash)
  },

  async verify(password, hash) {
    const { magic, salt, expected } = parseMd5Crypt(hash)

    const md5 = await loadSyncHash('md5')
    const digest = md5CryptDigest(md5, utf8(password), utf8(magic), utf8(salt))
    return constantTimeEqual(encodeHash64(digest, ORDER), expected)
  },
}
