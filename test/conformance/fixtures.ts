import type { WebhookCredentials } from '../../shared/app/basic-auth'

/** Every conformance target is set up with these credentials. The colons are deliberate. */
export const CONFORMANCE_CREDENTIALS: WebhookCredentials = {
  username: 'corbado-webhook',
  password: 'pa:ss wörd:with-colons',
}

// bcrypt cost 4 of "supersecret": the lowest cost keeps the suite fast.
const SUPERSECRET_HASH = '$2b$04$b5/CwNDuHMWtLRhRscesW.vTvtd6ce5pqA92jrybyLW8GwxWter1W'

/** Users whose password is `'p'` repeated 256 times (the longest checked) and 257 times. */
export const LONGEST_PASSWORD_USER = 'longest-password@existing.com'
export const TOO_LONG_PASSWORD_USER = 'too-long-password@existing.com'
/** A user whose password is `'ü'` repeated 129 times: 129 characters, 258 UTF-8 bytes. */
export const MULTIBYTE_PASSWORD_USER = 'multibyte-password@existing.com'
/** A user whose password is `'€'` repeated 86 times: 86 characters, 258 UTF-8 bytes. */
export const THREE_BYTE_PASSWORD_USER = 'three-byte-password@existing.com'

/**
 * A username of exactly 320 characters, the longest identifier a store holds. Spelled out
 * rather than built from `MAX_IDENTIFIER_LENGTH`, so a changed cap fails the suite.
 */
export const LONGEST_USERNAME = `${'a'.repeat(308)}@example.com`

/** The one user whose stored hash no verifier knows. */
export const UNSUPPORTED_HASH_USER = 'unsupported@existing.com'

/**
 * The users file every conformance target is seeded with, as a user would write it:
 * identifiers are deliberately not normalized, so seeding must normalize them.
 */
export const CONFORMANCE_USERS = [
  {
    username: ' Existing@Existing.com',
    aliases: ['+49 151 1234-5678'],
    passwordHash: SUPERSECRET_HASH,
  },
  { username: 'blocked@existing.com', passwordHash: SUPERSECRET_HASH, status: 'blocked' },
  { username: 'passwordless@existing.com', status: 'active' },
  { username: 'LegacyName', passwordHash: SUPERSECRET_HASH, status: 'active' },
  { username: UNSUPPORTED_HASH_USER, passwordHash: '$unknown$c2FsdA$aGFzaA' },
  {
    username: 'badcost@existing.com',
    passwordHash: `$2b$31$${'a'.repeat(53)}`,
  },
  // {SHA} of the password as `openssl dgst -sha1 -binary | base64` printed it: a format
  // that hashes every byte, so only the length cap can fail the longer one.
  { username: LONGEST_PASSWORD_USER, passwordHash: '{SHA}1C1THXuWurvO8FjfA8wwWL2oFWk=' },
  { username: TOO_LONG_PASSWORD_USER, passwordHash: '{SHA}fmZ9dPocmhGyd5+1uNv6amF3szc=' },
  { username: MULTIBYTE_PASSWORD_USER, passwordHash: '{SHA}fVzL9cO7ldunGFUhmmW2XZLAHPg=' },
  { username: THREE_BYTE_PASSWORD_USER, passwordHash: '{SHA}79ukFrfctKmckf3M0UMkPGMn5Ok=' },
  { username: LONGEST_USERNAME, passwordHash: SUPERSECRET_HASH },
] as const

export const PASSWORD = 'supersecret'
export const EXISTING_USER = 'existing@existing.com'
export const UNKNOWN_USER = 'nonexisting@nonexisting.com'
