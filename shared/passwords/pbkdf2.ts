import { decodeAdaptedBase64 } from './base64'
import { utf8 } from './bytes'
import { constantTimeEqual } from './constant-time'
import { derivePbkdf2, type Pbkdf2Hash } from './pbkdf2-derive'
import { InvalidHashError, type PasswordVerifier } from './verifier'

// passlib: $pbkdf2[-sha256|-sha512]$<rounds>$<salt>$<hash>, in passlib's adapted base64.
const PBKDF2_PATTERN = /^\$pbkdf2(-sha256|-sha512)?\$(\d{1,9})\$([./A-Za-z0-9]*)\$([./A-Za-z0-9]+)$/
const PBKDF2_PREFIX_PATTERN = /^\$pbkdf2(-sha256|-sha512)?\$/
const HASHES: Record<string, Pbkdf2Hash> = {
  '': 'SHA-1',
  '-sha256': 'SHA-256',
  '-sha512': 'SHA-512',
}

/** PBKDF2 as passlib writes it: `$pbkdf2$` (SHA-1), `$pbkdf2-sha256$`, `$pbkdf2-sha512$`. */
export const pbkdf2Verifier: PasswordVerifier = {
  name: 'pbkdf2',

  matches: (hash) => PBKDF2_PREFIX_PATTERN.test(hash),

  async verify(password, hash) {
    const match = PBKDF2_PATTERN.exec(hash)
    if (!match) {
      throw new InvalidHashError('pbkdf2 hash is malformed: expected $pbkdf2-sha256$<rounds>$…$…')
    }
    const [, variant = '', roundsText, saltText, hashText] = match
    const salt = decodeAdaptedBase64(saltText as string, 'pbkdf2 salt')
    const expected = decodeAdaptedBase64(hashText as string, 'pbkdf2 hash')

    const algorithm = HASHES[variant] as Pbkdf2Hash
    const computed = await derivePbkdf2(
      algorithm,
      utf8(password),
      salt,
      Number(roundsText),
      expected.length,
    )
    return constantTimeEqual(computed, expected)
  },
}
