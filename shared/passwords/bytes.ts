const encoder = new TextEncoder()

/** UTF-8 bytes of a string, the encoding every supported format hashes passwords in. */
export function utf8(text: string): Uint8Array<ArrayBuffer> {
  // An ASCII string's bytes are its character codes. Copying them here takes about 50 ns
  // for a 10-character password where TextEncoder, a call into native code, takes 400 ns
  // on Node (the ldap rows of `npm run bench:hashes` hash in about 1 µs).
  const bytes = new Uint8Array(text.length)
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code > 0x7f) {
      // Always a plain ArrayBuffer; the Workers types declare the wider ArrayBufferLike.
      return encoder.encode(text) as Uint8Array<ArrayBuffer>
    }
    bytes[i] = code
  }
  return bytes
}

/** Joins byte arrays into one. */
export function concatBytes(...parts: Uint8Array[]): Uint8Array<ArrayBuffer> {
  let length = 0
  for (const part of parts) {
    length += part.length
  }
  const joined = new Uint8Array(length)
  let offset = 0
  for (const part of parts) {
    joined.set(part, offset)
    offset += part.length
  }
  return joined
}
