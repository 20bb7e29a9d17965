/**
 * The "hash64" alphabet of Unix crypt, phpass and their descendants. Unlike base64 it
 * starts with `./` and digits, and it packs bytes least significant first.
 */
const HASH64_ALPHABET = './0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'

/**
 * Encodes bytes as hash64: each group of up to three bytes becomes a little-endian 24-bit
 * number, written six bits at a time, lowest first; a group of one byte gives two
 * characters, of two bytes three. With `order`, bytes are taken in that order first,
 * which is how md5-crypt and sha-crypt scramble their digests.
 */
export function encodeHash64(bytes: Uint8Array, order?: readonly number[]): string {
  const input = order ? order.map((index) => bytes[index] as number) : Array.from(bytes)
  let output = ''
  for (let i = 0; i < input.length; i += 3) {
    const group = input.slice(i, i + 3)
    let value = 0
    group.forEach((byte, shift) => {
      value |= byte << (8 * shift)
    })
    for (let char = 0; char <= group.length; char++) {
      output += HASH64_ALPHABET[(value >> (6 * char)) & 0x3f]
    }
  }
  return output
}

/** The value of one hash64 character, or -1 outside the alphabet. */
export function hash64Value(char: string): number {
  return HASH64_ALPHABET.indexOf(char)
}
