import { InvalidHashError } from './verifier'

const BASE64_PATTERN = /^[A-Za-z0-9+/]*={0,2}$/

/**
 * Decodes standard base64 (RFC 4648 section 4), padded or not, as password hash formats
 * store it. `what` names the field in the error, never its value.
 */
export function decodeBase64(text: string, what: string): Uint8Array<ArrayBuffer> {
  if (!BASE64_PATTERN.test(text) || text.replace(/=+$/, '').length % 4 === 1) {
    throw new InvalidHashError(`${what} is not valid base64`)
  }

  const binary = atob(text)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) {
    bytes[i] = binary.charCodeAt(i)
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
