import { md5 } from '@noble/hashes/legacy.js'
import { decodeBase64 } from './base64'
import { concatBytes, utf8 } from './bytes'
import { constantTimeEqual } from './constant-time'
import { type ShaName, shaDigest } from './digest'
import { InvalidHashError, type PasswordVerifier } from './verifier'

// RFC 2307 style userPassword values: {SCHEME}base64(digest[, salt]). Scheme names are
// case-insensitive in OpenLDAP.
const LDAP_PATTERN = /^\{([A-Za-z0-9]+)\}([A-Za-z0-9+/]+={0,2})$/
const LDAP_PREFIX_PATTERN = /^\{(S?SHA(256|384|512)?|S?MD5)\}/i

interface Scheme {
  digest: (data: Uint8Array<ArrayBuffer>) => Promise<Uint8Array>
  size: number
  isSalted: boolean
}

const webcrypto = (algorithm: ShaName) => (data: Uint8Array<ArrayBuffer>) =>
  shaDigest(algorithm, data)
// WebCrypto has no MD5.
const md5Digest = async (data: Uint8Array) => md5(data)

const SCHEMES: Record<string, Scheme> = {
  SHA: { digest: webcrypto('SHA-1'), size: 20, isSalted: false },
  SSHA: { digest: webcrypto('SHA-1'), size: 20, isSalted: true },
  SHA256: { digest: webcrypto('SHA-256'), size: 32, isSalted: false },
  SSHA256: { digest: webcrypto('SHA-256'), size: 32, isSalted: true },
  SHA384: { digest: webcrypto('SHA-384'), size: 48, isSalted: false },
  SSHA384: { digest: webcrypto('SHA-384'), size: 48, isSalted: true },
  SHA512: { digest: webcrypto('SHA-512'), size: 64, isSalted: false },
  SSHA512: { digest: webcrypto('SHA-512'), size: 64, isSalted: true },
  MD5: { digest: md5Digest, size: 16, isSalted: false },
  SMD5: { digest: md5Digest, size: 16, isSalted: true },
}

/**
 * LDAP `userPassword` hashes: `{SHA}`, `{SSHA}`, `{SHA256}`, `{SSHA256}`, `{SHA384}`,
 * `{SSHA384}`, `{SHA512}`, `{SSHA512}`, `{MD5}`, `{SMD5}`. The salted ones append the
 * salt to the password before hashing and to the digest after.
 */
export const ldapVerifier: PasswordVerifier = {
  name: 'ldap',

  matches: (hash) => LDAP_PREFIX_PATTERN.test(hash),

  async verify(password, hash) {
    const match = LDAP_PATTERN.exec(hash)
    const scheme = match ? SCHEMES[(match[1] as string).toUpperCase()] : undefined
    if (!match || !scheme) {
      throw new InvalidHashError('LDAP hash is malformed: expected {SSHA} and base64')
    }
    const bytes = decodeBase64(match[2] as string, 'LDAP hash')
    const hasRightLength = scheme.isSalted
      ? bytes.length > scheme.size
      : bytes.length === scheme.size
    if (!hasRightLength) {
      throw new InvalidHashError(`LDAP ${match[1]} value has the wrong length for its scheme`)
    }

    const expected = bytes.subarray(0, scheme.size)
    const salt = bytes.subarray(scheme.size)
    const computed = await scheme.digest(concatBytes(utf8(password), salt))
    return constantTimeEqual(computed, expected)
  },
}
