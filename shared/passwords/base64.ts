import { InvalidHashError } from './verifier'

const BASE64_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
const PAD = 61 // '='

// Six-bit value of each character code, -1 outside the alphabet.
const VALUES = new Int8Array(128).fill(-1)
for (let i = 0; i < BASE64_ALPHABET.length; i++) {
  VALUES[BASE64_ALPHABET.charCodeAt(i)] = i
}

/**
 * Decodes standard base64 (RFC 4648 section 4), padded or not, as password hash formats
 * store it. `what` names the field in the error, never its value. One pass over the
 * characters validates and decodes them, where a pattern test, `atob` and a copy of its
 * string took three; that matters next to an LDAP digest of a few microseconds.
 */
export function decodeBase64(text: string, what: string): Uint8Array<ArrayBuffer> {
  let end = text.length
  if (end > 0 && text.charCodeAt(end - 1) === PAD) end--
  if (end > 0 && text.charCodeAt(end - 1) === PAD) end--
  if (end % 4 === 1) {
    throw new InvalidHashError(`${what} is not valid base64`)
  }

  const bytes = new Uint8Array((end * 3) >> 2)
  let bits = 0
  let buffered = 0
  let out = 0
  let isValid = true
  for (let i = 0; i < end; i++) {
    const value = VALUES[text.charCodeAt(i)] ?? -1
    isValid &&= value >= 0
    bits = (bits << 6) | (value & 0x3f)
    buffered += 6
    if (buffered >= 8) {
      buffered -= 8
      bytes[out++] = bits >> buffered
      bits &= (1 << buffered) - 1
    }
  }
  if (!isValid) {
    throw new InvalidHashError(`${what} is not valid base64`)
  }
  return bytes
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
  return decodeBase64(text.replaceAll('.', '+'), what)
}
