import { decodeBase64 } from './base64'
import { utf8 } from './bytes'
import { constantTimeEqual } from './constant-time'
import { checkPbkdf2Iterations, derivePbkdf2, type Pbkdf2Hash } from './pbkdf2-derive'
import { InvalidHashError, type PasswordVerifier } from './verifier'

// Both versions are one base64 string. Version 2 (ASP.NET Identity 2, and Core in its
// compatibility mode) is 0x00, a 16-byte salt and a 32-byte PBKDF2-HMAC-SHA1 key with
// 1000 iterations: 49 bytes, 68 characters. Version 3 is 0x01, then three big-endian
// uint32 (PRF, iterations, salt length), the salt and the key.
const V2_PATTERN = /^A[A-Za-z0-9+/]{65}==$/
const V3_PATTERN = /^AQAAAA[A-Za-z0-9+/]+={0,2}$/
const V2_PRF: Pbkdf2Hash = 'SHA-1'
const V2_ITERATIONS = 1000
const V2_SALT_BYTES = 16
const V3_HEADER_BYTES = 13
// KeyDerivationPrf: HMACSHA1 = 0, HMACSHA256 = 1, HMACSHA512 = 2.
const V3_PRFS: readonly Pbkdf2Hash[] = ['SHA-1', 'SHA-256', 'SHA-512']
// ASP.NET Core itself refuses salts and keys shorter than 128 bits.
const MIN_V3_BYTES = 16

/**
 * Reads an ASP.NET Identity hash into its PBKDF2 parameters, throwing `InvalidHashError`
 * when it is malformed or past the iteration limit.
 */
function parseAspnetIdentity(hash: string) {
  const bytes = decodeBase64(hash, 'ASP.NET Identity hash')
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)

  if (bytes[0] === 0x00 && bytes.length === 1 + V2_SALT_BYTES + 32) {
    const salt = bytes.slice(1, 1 + V2_SALT_BYTES)
    const expected = bytes.slice(1 + V2_SALT_BYTES)
    return { prf: V2_PRF, iterations: V2_ITERATIONS, salt, expected }
  }

  if (bytes[0] === 0x01 && bytes.length >= V3_HEADER_BYTES) {
    const prf = V3_PRFS[view.getUint32(1)]
    const iterations = view.getUint32(5)
    const saltLength = view.getUint32(9)
    const keyLength = bytes.length - V3_HEADER_BYTES - saltLength
    if (prf && saltLength >= MIN_V3_BYTES && keyLength >= MIN_V3_BYTES) {
      checkPbkdf2Iterations(iterations)
      const salt = bytes.slice(V3_HEADER_BYTES, V3_HEADER_BYTES + saltLength)
      const expected = bytes.slice(V3_HEADER_BYTES + saltLength)
      return { prf, iterations, salt, expected }
    }
  }

  throw new InvalidHashError(
    'ASP.NET Identity hash is malformed: expected format marker 0x00 (v2) or 0x01 (v3)',
  )
}

/** ASP.NET Identity's `PasswordHasher`: format versions 2 and 3. */
export const aspnetIdentityVerifier: PasswordVerifier = {
  name: 'aspnet-identity',

  matches: (hash) => V2_PATTERN.test(hash) || V3_PATTERN.test(hash),

  check(hash) {
    parseAspnetIdentity(hash)
  },

  async verify(password, hash) {
    const { prf, iterations, salt, expected } = parseAspnetIdentity(hash)

    const computed = await derivePbkdf2(prf, utf8(password), salt, iterations, expected.length)
    return constantTimeEqual(computed, expected)
  },
}
