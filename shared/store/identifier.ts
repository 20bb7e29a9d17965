/**
 * The longest identifier a user can have, in UTF-16 code units (an email address is at
 * most 320 characters). Users are refused at import beyond it, so a longer username is
 * unknown without a lookup.
 */
export const MAX_IDENTIFIER_LENGTH = 320

// A phone number as people type it: digits with optional spaces, dots, dashes, slashes,
// parentheses and one leading plus.
const PHONE_PATTERN = /^\+?[\d\s()./-]+$/
// Fewer digits than this is a short numeric name, not a phone number.
const MIN_PHONE_DIGITS = 5

/**
 * Brings a login identifier to the one form under which it is stored and looked up, so
 * that `Jane@Example.com ` finds `jane@example.com` and `+49 151 1234-5678` finds
 * `+4915112345678`. Applied at import and at lookup, never anywhere else.
 *
 * - everything is trimmed and put in Unicode NFC form;
 * - email addresses (anything with an `@`) are compared case-insensitively;
 * - phone numbers become their digits behind a leading `+`;
 * - other names are kept as they are, case included.
 */
export function normalizeIdentifier(raw: string): string {
  const trimmed = raw.trim().normalize('NFC')

  if (trimmed.includes('@')) {
    return trimmed.toLowerCase()
  }

  if (PHONE_PATTERN.test(trimmed)) {
    const digits = trimmed.replace(/\D/g, '')
    if (digits.length >= MIN_PHONE_DIGITS) {
      return `+${digits}`
    }
  }

  return trimmed
}
