/** The SHA family as WebCrypto names it. */
export type ShaName = 'SHA-1' | 'SHA-256' | 'SHA-384' | 'SHA-512'

const encoder = new TextEncoder()

/** UTF-8 bytes of a string, the encoding every supported format hashes passwords in. */
export function utf8(text: string): Uint8Array<ArrayBuffer> {
  return encoder.encode(text)
}

/** A SHA digest through WebCrypto: native on Node and in workerd. */
export async function shaDigest(
  algorithm: ShaName,
  data: Uint8Array<ArrayBuffer>,
): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest(algorithm, data))
}

/** An HMAC through WebCrypto. */
export async function hmacDigest(
  algorithm: ShaName,
  key: Uint8Array<ArrayBuffer>,
  data: Uint8Array<ArrayBuffer>,
): Promise<Uint8Array> {
  const hmacKey = await crypto.subtle.importKey(
    'raw',
    key,
    { name: 'HMAC', hash: algorithm },
    false,
    ['sign'],
  )
  return new Uint8Array(await crypto.subtle.sign('HMAC', hmacKey, data))
}

/** Joins byte arrays into one. */
export function concatBytes(...parts: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const joined = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0))
  let offset = 0
  for (const part of parts) {
    joined.set(part, offset)
    offset += part.length
  }
  return joined
}
