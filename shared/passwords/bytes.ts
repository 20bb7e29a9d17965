const encoder = new TextEncoder()

/** UTF-8 bytes of a string, the encoding every supported format hashes passwords in. */
export function utf8(text: string): Uint8Array<ArrayBuffer> {
  // Always a plain ArrayBuffer; the Workers types declare the wider ArrayBufferLike.
  return encoder.encode(text) as Uint8Array<ArrayBuffer>
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
