/** Largest accepted request body. A real call is well under 1 KiB. */
export const MAX_BODY_BYTES = 16 * 1024

/**
 * The longest password `passwordVerify` checks, in UTF-8 bytes; a longer one is wrong for
 * every user. Password managers generate at most about 128 characters. The caller picks
 * the password, and sha-crypt, md5-crypt and phpass hash it again in every round: at 256
 * bytes a check costs up to about five times what a 16-byte password costs (five hash
 * blocks a round instead of one or two), where 16 KiB would cost hundreds of times more.
 */
export const MAX_PASSWORD_BYTES = 256

/**
 * How long a user lookup may take before the answer is a 503. Corbado's time budget is
 * not documented; comparable hooks allow 3 s (Okta) to 5 s (Cognito), so a lookup plus a
 * password check must end well inside 3 s.
 */
export const STORE_TIMEOUT_MS = 1_500

/**
 * A bcrypt hash (cost 10) of a random string nobody knows. `passwordVerify` checks the
 * password against it when there is no real hash, so unknown users cost as much time as
 * known ones. Set `timingHash` to a hash of your users' usual format and cost.
 */
export const TIMING_HASH = '$2b$10$9GZG9tcCCnUifudxw0uBOepb88YOlUGrqzuhUmO91lmj.85fnoZ4C'

export const BASIC_REALM = 'corbado-webhook'
