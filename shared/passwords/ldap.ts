import { decodeBase64 } from './base64'
import { concatBytes, utf8 } from './bytes'
import { constantTimeEqual } from './constant-time'
import type { ShaName } from './digest'
import { nodeCrypto } from './node-crypto'
import { loadSyncHash, type SyncHashName } from './sync-hash'
import { InvalidHashError, type PasswordVerifier } from './verifier'

// RFC 2307 style userPassword values: {SCHEME}base64(digest[, salt]). Scheme names are
// case-insensitive in OpenLDAP.
const LDAP_PREFIX_PATTERN = /^\{(S?SHA(256|384|512)?|S?MD5)\}/i

interface Scheme {
  name: SyncHashName
  /** WebCrypto's name for the hash; MD5 has none. */
  webcrypto?: ShaName
  size: number
  isSalted: boolean
}

const SCHEMES: Record<string, Scheme | undefined> = {
  SHA: { name: 'sha1', webcrypto: 'SHA-1', size: 20, isSalted: false },
  SSHA: { name: 'sha1', webcrypto: 'SHA-1', size: 20, isSalted: true },
  SHA256: { name: 'sha256', webcrypto: 'SHA-256', size: 32, isSalted: false },
  SSHA256: { name: 'sha256', webcrypto: 'SHA-256', size: 32, isSalted: true },
  SHA384: { name: 'sha384', webcrypto: 'SHA-384', size: 48, isSalted: false },
  SSHA384: { name: 'sha384', webcrypto: 'SHA-384', size: 48, isSalted: true },
  SHA512: { name: 'sha512', webcrypto: 'SHA-512', size: 64, isSalted: false },
  SSHA512: { name: 'sha512', webcrypto: 'SHA-512', size: 64, isSalted: true },
  MD5: { name: 'md5', size: 16, isSalted: false },
  SMD5: { name: 'md5', size: 16, isSalted: true },
}

function digest(scheme: Scheme, data: Uint8Array<ArrayBuffer>): Uint8Array | Promise<Uint8Array> {
  // Node's hashes answer without an event-loop turn; in Workers WebCrypto is the native
  // SHA, and MD5, which it lacks, comes from @noble/hashes. The digest takes about 1 µs
  // on Node, so it is called here directly rather than through an awaited loadSyncHash.
  const node = nodeCrypto()
  if (node) {
    return node.hash(scheme.name, data, 'buffer')
  }
  if (!scheme.webcrypto) {
    return loadSyncHash(scheme.name).then((hash) => hash(data))
  }
  return crypto.subtle.digest(scheme.webcrypto, data).then((bytes) => new Uint8Array(bytes))
}

/**
 * Reads an LDAP value into its scheme, digest and salt, throwing `InvalidHashError` when it
 * is malformed or its digest has the wrong length.
 */
function parseLdap(hash: string) {
  const close = hash.indexOf('}')
  const scheme = hash.startsWith('{') ? SCHEMES[hash.slice(1, close).toUpperCase()] : undefined
  if (!scheme) {
    throw new InvalidHashError('LDAP hash is malformed: expected {SSHA} and base64')
  }
  const bytes = decodeBase64(hash.slice(close + 1), 'LDAP hash')
  const hasRightLength = scheme.isSalted ? bytes.length > scheme.size : bytes.length === scheme.size
  if (!hasRightLength) {
    throw new InvalidHashError('LDAP value has the wrong length for its scheme')
  }
  return { scheme, expected: bytes.subarray(0, scheme.size), salt: bytes.subarray(scheme.size) }
}

/**
 * LDAP `userPassword` hashes: `{SHA}`, `{SSHA}`, `{SHA256}`, `{SSHA256}`, `{SHA384}`,
 * `{SSHA384}`, `{SHA512}`, `{SSHA512}`, `{MD5}`, `{SMD5}`. The salted ones append the
 * salt to the password before hashing and to the digest after.
 */
export const ldapVerifier: PasswordVerifier = {
  name: 'ldap',

  matches: (hash) => LDAP_PREFIX_PATTERN.test(hash),

  check(hash) {
    parseLdap(hash)
  },

  async verify(password, hash) {
    const { scheme, expected, salt } = parseLdap(hash)

    const computed = await digest(scheme, concatBytes(utf8(password), salt))
    return constantTimeEqual(computed, expected)
  },
}
