import { InvalidHashError } from './verifier'

const BASE64_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
const PAD = 61 // '='

/** Six-bit value of each ASCII character code, -1 outside the alphabet. */
function valueTable(char62: string): Int8Array {
  const values = new Int8Array(128).fill(-1)
  for (let i = 0; i < BASE64_ALPHABET.length; i++) {
    values[BASE64_ALPHABET.charCodeAt(i)] = i
  }
  values[char62.charCodeAt(0)] = 62
  return values
}

const VALUES = valueTable('+')
// passlib's adapted base64 writes `.` where standard base64 writes `+`.
const ADAPTED_VALUES = valueTable('.')

/**
 * One pass over the characters validates and decodes them, where a pattern test, `atob`
 * and a copy of its string took three; passlib's alphabet has its own table rather than
 * a copy of the string with `.` replaced. That matters next to an LDAP digest of 1 µs.
 */
function decode(text: string, values: Int8Array, what: string): Uint8Array<ArrayBuffer> {
  let end = text.length
  if (end > 0 && text.charCodeAt(end - 1) === PAD) end--
  if (end > 0 && text.charCodeAt(end - 1) === PAD) end--
  if (end % 4 === 1) {
    throw new InvalidHashError(`${what} is not valid base64`)
  }

  const bytes = new Uint8Array((end * 3) >> 2)
  // A code above 0x7f sets a bit above the six of a value, as does -1 from the table.
  let invalid = 0
  let group = 0
  let out = 0
  for (let i = 0; i < end; i++) {
    const code = text.charCodeAt(i)
    const value = (values[code & 0x7f] as number) | (code & ~0x7f)
    invalid |= value
    group = (group << 6) | (value & 0x3f)
    if ((i & 3) === 3) {
      bytes[out++] = group >> 16
      bytes[out++] = group >> 8
      bytes[out++] = group
      group = 0
    }
  }
  // A last group of two or three characters gives one or two bytes.
  const rest = end & 3
  if (rest === 2) {
    bytes[out] = group >> 4
  } else if (rest === 3) {
    bytes[out++] = group >> 10
    bytes[out] = group >> 2
  }
  if (invalid & ~0x3f) {
    throw new InvalidHashError(`${what} is not valid base64`)
  }
  return bytes
}

/**
 * Decodes standard base64 (RFC 4648 section 4), padded or not, as password hash formats
 * store it. `what` names the field in the error, never its value.
 */
export function decodeBase64(text: string, what: string): Uint8Array<ArrayBuffer> {
  return decode(text, VALUES, what)
}

/** Encodes bytes as padded standard base64. */
export function encodeBase64(bytes: Uint8Array): string {
  let binary = ''
  for (const byte of bytes) {
    binary += String.fromCharCode(byte)
  }
  return btoa(binary)
}

/**
 * Decodes passlib's "adapted base64": standard base64 with `.` in place of `+` and no
 * padding, so that the value fits in a modular crypt string.
 */
export function decodeAdaptedBase64(text: string, what: string): Uint8Array<ArrayBuffer> {
  return decode(text, ADAPTED_VALUES, what)
}
