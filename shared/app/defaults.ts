/** Largest accepted request body. A real call is well under 1 KiB. */
export const MAX_BODY_BYTES = 16 * 1024

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
