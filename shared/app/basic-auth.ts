import { constantTimeEqual } from '../passwords/constant-time'

/** The Basic credentials Corbado sends, as set in its developer panel. */
export interface WebhookCredentials {
  username: string
  password: string
}

const BASIC_PREFIX = /^Basic[ ]+/i
const BASE64_PATTERN = /^[A-Za-z0-9+/]+={0,2}$/
const encoder = new TextEncoder()
// ignoreBOM is the default, spelled out because the Workers types require it.
const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false })

/**
 * Reads an `Authorization: Basic` header. The username ends at the first `:` and
 * everything after it, further colons included, is the password. Returns `undefined`
 * for a missing or malformed header.
 */
export function parseBasicAuth(header: string | undefined): WebhookCredentials | undefined {
  if (!header || !BASIC_PREFIX.test(header)) return undefined

  const encoded = header.replace(BASIC_PREFIX, '').trim()
  if (!BASE64_PATTERN.test(encoded)) return undefined

  let decoded: string
  try {
    decoded = decoder.decode(Uint8Array.from(atob(encoded), (char) => char.charCodeAt(0)))
  } catch {
    return undefined
  }

  const colon = decoded.indexOf(':')
  if (colon < 0) return undefined
  return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) }
}

/**
 * Compares given credentials with the configured ones in constant time. Both sides are
 * hashed first so that neither the content nor the length of the secret shows in timing,
 * and both fields are always compared, so a right username costs the same as a wrong one.
 */
export async function credentialsMatch(
  given: WebhookCredentials,
  expected: WebhookCredentials,
): Promise<boolean> {
  const [givenUser, givenPassword, expectedUser, expectedPassword] = await Promise.all(
    [given.username, given.password, expected.username, expected.password].map(sha256),
  )
  const isUserRight = constantTimeEqual(givenUser as Uint8Array, expectedUser as Uint8Array)
  const isPasswordRight = constantTimeEqual(
    givenPassword as Uint8Array,
    expectedPassword as Uint8Array,
  )
  return isUserRight && isPasswordRight
}

async function sha256(text: string): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(text)))
}
