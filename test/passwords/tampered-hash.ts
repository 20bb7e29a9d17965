// Digest sizes of the LDAP schemes; a salted scheme ({SSHA}, {SMD5}) stores its salt after
// the digest, so its last byte is salt, not digest.
const LDAP_DIGEST_BYTES: Record<string, number> = {
  SHA: 20,
  SHA256: 32,
  SHA384: 48,
  SHA512: 64,
  MD5: 16,
}

// Formats whose digest is written in crypt's hash64 and compared as that text.
const HASH64_DIGEST = /^(\$2[aby]\$|\$wp\$|bcrypt(_sha256)?\$|\$[156]\$|\$apr1\$|\$[PH]\$)/

/**
 * The hash with only the last byte of its stored digest changed, still well formed: the
 * right password must fail against it, which it does only if the comparison reaches the
 * digest's end. hash64 formats get their last character changed instead.
 */
export function withLastDigestByteChanged(hash: string): string {
  if (HASH64_DIGEST.test(hash)) return `${hash.slice(0, -1)}${hash.endsWith('.') ? '/' : '.'}`

  if (hash.startsWith('{')) {
    const close = hash.indexOf('}') + 1
    const scheme = hash.slice(1, close - 1).toUpperCase()
    const digestBytes = LDAP_DIGEST_BYTES[scheme] ?? (LDAP_DIGEST_BYTES[scheme.slice(1)] as number)
    return hash.slice(0, close) + withByteChanged(hash.slice(close), () => digestBytes - 1)
  }

  // PHC, passlib, Django and Firebase end in the digest; ASP.NET Identity is one base64 blob.
  // passlib's PBKDF2 writes `.` for `+`.
  const start = hash.lastIndexOf('$') + 1
  const digest = withByteChanged(hash.slice(start), (length) => length - 1)
  return hash.slice(0, start) + (hash.startsWith('$pbkdf2') ? digest.replace(/\+/g, '.') : digest)
}

/** Base64 text, with or without padding or `.` for `+`, with one decoded byte flipped. */
function withByteChanged(encoded: string, indexOf: (length: number) => number): string {
  const standard = encoded.replace(/\./g, '+').replace(/=+$/, '')
  const bytes = Uint8Array.from(
    atob(standard.padEnd(Math.ceil(standard.length / 4) * 4, '=')),
    (c) => c.charCodeAt(0),
  )

  const index = indexOf(bytes.length)
  bytes[index] = (bytes[index] as number) ^ 1

  const reencoded = btoa(String.fromCharCode(...bytes))
  return encoded.endsWith('=') ? reencoded : reencoded.replace(/=+$/, '')
}
