import { decodeBase64 } from './base64'
import { utf8 } from './bytes'
import { constantTimeEqual } from './constant-time'
import { deriveScrypt } from './scrypt-derive'
import { InvalidHashError, type PasswordVerifier } from './verifier'

// passlib: $scrypt$ln=<log2 N>,r=<r>,p=<p>$<salt>$<hash>, base64 without padding.
const SCRYPT_PATTERN =
  /^\$scrypt\$ln=(\d{1,2}),r=(\d{1,3}),p=(\d{1,3})\$([A-Za-z0-9+/]*)\$([A-Za-z0-9+/]+)$/
const SCRYPT_PREFIX = '$scrypt$'

/** scrypt as passlib writes it (`passlib.hash.scrypt`). */
export const scryptVerifier: PasswordVerifier = {
  name: 'scrypt',

  matches: (hash) => hash.startsWith(SCRYPT_PREFIX),

  async verify(password, hash) {
    const match = SCRYPT_PATTERN.exec(hash)
    if (!match) {
      throw new InvalidHashError('scrypt hash is malformed: expected $scrypt$ln=,r=,p=$…$…')
    }
    const [, lnText, rText, pText, saltText, hashText] = match
    const salt = decodeBase64(saltText as string, 'scrypt salt')
    const expected = decodeBase64(hashText as string, 'scrypt hash')

    const computed = await deriveScrypt(utf8(password), salt, {
      N: 2 ** Number(lnText),
      r: Number(rText),
      p: Number(pText),
      dkLen: expected.length,
    })
    return constantTimeEqual(computed, expected)
  },
}
