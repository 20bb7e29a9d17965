import { constantTimeEqual } from './constant-time'
import { InvalidHashError, type PasswordVerifier } from './verifier'

// $2a$, $2b$ and $2y$ differ only in how old implementations treated 8-bit characters;
// the hash computation for valid input is the same. 22 salt and 31 hash characters.
const BCRYPT_PATTERN = /^\$2[aby]\$(\d{2})\$[./A-Za-z0-9]{53}$/
const BCRYPT_PREFIX_PATTERN = /^\$2[aby]\$/
// Cost 4 is bcrypt's floor.
const MIN_BCRYPT_COST = 4
/**
 * The highest bcrypt cost accepted: Symfony's default, above Laravel's, Rails' and
 * Django's 12. Each step doubles the work: bcryptjs takes about 0.6 s for cost 13 on Node
 * and in workerd alike (twice the cost-12 bcrypt-sha256-django row of
 * `npm run bench:hashes`), so 14 would leave too little of the webhook's 3 s beside a
 * store that may take 1.5 s.
 */
export const MAX_BCRYPT_COST = 13
const SALT_LENGTH = 29

let bcryptjs: Promise<typeof import('bcryptjs').default> | undefined

// bcryptjs is 41 KiB of unminified JavaScript: imported on the first bcrypt hash, it
// stays out of a cold start that never meets one.
const loadBcryptjs = () => {
  bcryptjs ??= import('bcryptjs').then((module) => module.default)
  return bcryptjs
}

/** A bcrypt hash that passed `parseBcrypt`: the cost and salt bcryptjs reads, and the digest. */
export interface BcryptHash {
  salt: string
  digest: string
}

/**
 * Reads a bcrypt hash, throwing `InvalidHashError` when it is malformed or its cost is
 * outside the limits. Shared by the formats that wrap bcrypt (Django's `bcrypt_sha256$`,
 * WordPress's `$wp$`).
 */
export function parseBcrypt(hash: string): BcryptHash {
  const match = BCRYPT_PATTERN.exec(hash)
  if (!match) {
    throw new InvalidHashError('bcrypt hash is malformed: expected $2b$NN$ and 53 characters')
  }
  const cost = Number(match[1])
  if (cost < MIN_BCRYPT_COST || cost > MAX_BCRYPT_COST) {
    throw new InvalidHashError(
      `bcrypt cost ${cost} is outside ${MIN_BCRYPT_COST}..${MAX_BCRYPT_COST}`,
    )
  }
  return { salt: hash.slice(0, SALT_LENGTH), digest: hash.slice(SALT_LENGTH) }
}

/**
 * Whether bcrypt of `password` gives the parsed hash. The formats that wrap bcrypt pass
 * their pre-hashed password.
 */
export async function bcryptMatches(password: string, parsed: BcryptHash): Promise<boolean> {
  const bcrypt = await loadBcryptjs()
  const computed = await bcrypt.hash(password, parsed.salt)
  return constantTimeEqual(computed.slice(SALT_LENGTH), parsed.digest)
}

/** bcrypt in its `$2a$`, `$2b$` and `$2y$` forms (Rails, Laravel, PHP `password_hash`). */
export const bcryptVerifier: PasswordVerifier = {
  name: 'bcrypt',

  matches: (hash) => BCRYPT_PREFIX_PATTERN.test(hash),

  check(hash) {
    parseBcrypt(hash)
  },

  // async, so that a refusal rejects the promise rather than throwing from the call.
  async verify(password, hash) {
    return bcryptMatches(password, parseBcrypt(hash))
  },
}
