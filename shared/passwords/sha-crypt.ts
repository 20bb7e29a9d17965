import { concatBytes, utf8 } from './bytes'
import { constantTimeEqual } from './constant-time'
import { cryptRounds, repeatTo } from './crypt-rounds'
import { encodeHash64 } from './hash64'
import { loadSyncHash, type SyncHash } from './sync-hash'
import { InvalidHashError, type PasswordVerifier } from './verifier'

// $5$ / $6$[rounds=N$]<salt, up to 16 characters>$<hash64 digest>
const SHA_CRYPT_PATTERN = /^\$([56])\$(?:rounds=(\d{1,9})\$)?([^$]{0,16})\$([./A-Za-z0-9]+)$/
const SHA_CRYPT_PREFIX_PATTERN = /^\$[56]\$/
const DEFAULT_ROUNDS = 5000
// The specification's floor is 1000; glibc never writes a lower count into a hash.
const MIN_ROUNDS = 1000
/**
 * The most rounds a sha-crypt hash may ask for: passlib's default for sha512-crypt, which
 * Ansible's `password_hash` writes (passlib's sha256-crypt default is 535,000). At the cap
 * sha512-crypt takes about 2.1 s in workerd (@noble/hashes: 131 times the 5000-round
 * sha512-crypt row of `npm run bench:hashes`) and 0.9 s on Node (`crypto.hash`, same
 * row); glibc's default of 5000 rounds costs a 131st of it.
 */
export const MAX_SHA_CRYPT_ROUNDS = 656_000

// The order in which the specification packs digest bytes into hash64, least significant
// byte of each group first.
const SHA256_ORDER = [
  20, 10, 0, 11, 1, 21, 2, 22, 12, 23, 13, 3, 14, 4, 24, 5, 25, 15, 26, 16, 6, 17, 7, 27, 8, 28, 18,
  29, 19, 9, 30, 31,
]
const SHA512_ORDER = [
  42, 21, 0, 1, 43, 22, 23, 2, 44, 45, 24, 3, 4, 46, 25, 26, 5, 47, 48, 27, 6, 7, 49, 28, 29, 8, 50,
  51, 30, 9, 10, 52, 31, 32, 11, 53, 54, 33, 12, 13, 55, 34, 35, 14, 56, 57, 36, 15, 16, 58, 37, 38,
  17, 59, 60, 39, 18, 19, 61, 40, 41, 20, 62, 63,
]
// The hash each variant runs on, and the hash64 characters of its digest: 32 bytes
// give 43, 64 give 86. A shorter stored digest is cut short, never a variant.
const VARIANTS = {
  '5': { name: 'sha256', order: SHA256_ORDER, digestChars: 43 },
  '6': { name: 'sha512', order: SHA512_ORDER, digestChars: 86 },
} as const

/**
 * The digest of Ulrich Drepper's SHA-crypt specification (glibc `crypt`, version 0.6).
 * The two steps that hash the password once per password byte feed it to the hash piece
 * by piece: joined first, a 16,000-byte password would take 256 MB.
 */
export function shaCryptDigest(
  hash: SyncHash,
  password: Uint8Array,
  salt: Uint8Array,
  rounds: number,
) {
  const alternate = hash(concatBytes(password, salt, password))
  const first = hash.create().update(password).update(salt)
  for (let left = password.length; left > 0; left -= alternate.length) {
    first.update(alternate.subarray(0, Math.min(left, alternate.length)))
  }
  for (let bits = password.length; bits > 0; bits >>= 1) {
    first.update(bits & 1 ? alternate : password)
  }
  const digest = first.digest()

  const passwordStream = hash.create()
  for (let i = 0; i < password.length; i++) {
    passwordStream.update(password)
  }
  const passwordBlock = passwordStream.digest()
  const saltBlock = hash(repeatTo(salt, salt.length * (16 + (digest[0] as number))))
  const p = repeatTo(passwordBlock, password.length)
  const s = repeatTo(saltBlock, salt.length)

  return cryptRounds(hash, digest, p, s, rounds)
}

/** Reads a sha-crypt hash, throwing `InvalidHashError` when it is malformed or past the limits. */
function parseShaCrypt(hash: string) {
  const match = SHA_CRYPT_PATTERN.exec(hash)
  if (!match) {
    throw new InvalidHashError('sha-crypt hash is malformed: expected $6$[rounds=N$]<salt>$…')
  }
  const [, id, roundsText, salt, digestText] = match
  const variant = VARIANTS[id as keyof typeof VARIANTS]
  const expected = digestText as string
  if (expected.length !== variant.digestChars) {
    throw new InvalidHashError(
      `sha-crypt $${id}$ digest has ${expected.length} characters: expected ${variant.digestChars}`,
    )
  }
  const rounds = roundsText === undefined ? DEFAULT_ROUNDS : Number(roundsText)
  if (rounds < MIN_ROUNDS || rounds > MAX_SHA_CRYPT_ROUNDS) {
    throw new InvalidHashError(
      `sha-crypt rounds ${rounds} is outside ${MIN_ROUNDS}..${MAX_SHA_CRYPT_ROUNDS}`,
    )
  }
  return { variant, rounds, salt: salt as string, expected }
}

/** sha256-crypt (`$5$`) and sha512-crypt (`$6$`), as in /etc/shadow and glibc `crypt`. */
export const shaCryptVerifier: PasswordVerifier = {
  name: 'sha-crypt',

  matches: (hash) => SHA_CRYPT_PREFIX_PATTERN.test(hash),

  check(hash) {
    parseShaCrypt(hash)
  },

  async verify(password, hash) {
    const { variant, rounds, salt, expected } = parseShaCrypt(hash)

    const sha = await loadSyncHash(variant.name)
    const digest = shaCryptDigest(sha, utf8(password), utf8(salt), rounds)
    return constantTimeEqual(encodeHash64(digest, variant.order), expected)
  },
}
