import { decodeBase64 } from './base64'
import { utf8 } from './bytes'
import { constantTimeEqual } from './constant-time'
import { checkScryptParams, deriveScrypt } from './scrypt-derive'
import { InvalidHashError, type PasswordVerifier } from './verifier'

// passlib: $scrypt$ln=<log2 N>,r=<r>,p=<p>$<salt>$<hash>, base64 without padding.
const SCRYPT_PATTERN =
  /^\$scrypt\$ln=(\d{1,2}),r=(\d{1,3}),p=(\d{1,3})\$([A-Za-z0-9+/]*)\$([A-Za-z0-9+/]+)$/
const SCRYPT_PREFIX = '$scrypt$'
// passlib writes, and on parsing demands, a 32-byte key: a shorter stored key would
// compare fewer bytes and let wrong passwords through.
const KEY_BYTES = 32

/**
 * Reads a passlib scrypt hash, throwing `InvalidHashError` when it is malformed or past the
 * limits.
 */
function parseScrypt(hash: string) {
  const match = SCRYPT_PATTERN.exec(hash)
  if (!match) {
    throw new InvalidHashError('scrypt hash is malformed: expected $scrypt$ln=,r=,p=$…$…')
  }
  const [, lnText, rText, pText, saltText, hashText] = match
  const salt = decodeBase64(saltText as string, 'scrypt salt')
  const expected = decodeBase64(hashText as string, 'scrypt hash')
  if (expected.length !== KEY_BYTES) {
    throw new InvalidHashError(`scrypt key is ${expected.length} bytes: expected ${KEY_BYTES}`)
  }
  const params = { N: 2 ** Number(lnText), r: Number(rText), p: Number(pText), dkLen: KEY_BYTES }
  checkScryptParams(params)
  return { salt, expected, params }
}

/** scrypt as passlib writes it (`passlib.hash.scrypt`). */
export const scryptVerifier: PasswordVerifier = {
  name: 'scrypt',

  matches: (hash) => hash.startsWith(SCRYPT_PREFIX),

  check(hash) {
    parseScrypt(hash)
  },

  async verify(password, hash) {
    const { salt, expected, params } = parseScrypt(hash)

    const computed = await deriveScrypt(utf8(password), salt, params)
    return constantTimeEqual(computed, expected)
  },
}
