import { concatBytes, utf8 } from './bytes'
import { constantTimeEqual } from './constant-time'
import { encodeHash64, hash64Value } from './hash64'
import { loadSyncHash, type SyncHash } from './sync-hash'
import { InvalidHashError, type PasswordVerifier } from './verifier'

// $P$ (WordPress) or $H$ (phpBB), one hash64 character giving log2 of the rounds, eight
// salt characters, 22 hash64 characters of MD5.
const PHPASS_PATTERN = /^\$[PH]\$([./A-Za-z0-9])([./A-Za-z0-9]{8})([./A-Za-z0-9]{22})$/
const PHPASS_PREFIX_PATTERN = /^\$[PH]\$/
// phpass accepts 7..30; WordPress writes 13 (`B`), phpBB 11 (`9`).
const MIN_LOG2_ROUNDS = 7
/**
 * The largest log2 of the rounds accepted, 32 times WordPress's 2^13: 2^18 MD5s take
 * about 0.25 s in workerd (@noble/hashes: 1024 times the 2^8-round phpass-wordpress row of
 * `npm run bench:hashes`) and on Node (`crypto.hash`, same row) alike.
 */
export const MAX_PHPASS_LOG2_ROUNDS = 18

/** The digest of phpass: MD5 of salt and password, then 2^log2Rounds MD5s of digest and password. */
export function phpassDigest(
  md5: SyncHash,
  password: Uint8Array,
  salt: Uint8Array,
  log2Rounds: number,
) {
  // Each round hashes the last digest (16 bytes) and the password, written into one buffer.
  const buffer = concatBytes(new Uint8Array(16), password)
  let digest = md5(concatBytes(salt, password))
  for (let round = 2 ** log2Rounds; round > 0; round--) {
    buffer.set(digest)
    digest = md5(buffer)
  }
  return digest
}

/** Reads a phpass hash, throwing `InvalidHashError` when malformed or past the limits. */
function parsePhpass(hash: string) {
  const match = PHPASS_PATTERN.exec(hash)
  if (!match) {
    throw new InvalidHashError('phpass hash is malformed: expected $P$ and 31 characters')
  }
  const [, costChar, salt, expected] = match
  const log2Rounds = hash64Value(costChar as string)
  if (log2Rounds < MIN_LOG2_ROUNDS || log2Rounds > MAX_PHPASS_LOG2_ROUNDS) {
    throw new InvalidHashError(
      `phpass log2 rounds ${log2Rounds} is outside ${MIN_LOG2_ROUNDS}..${MAX_PHPASS_LOG2_ROUNDS}`,
    )
  }
  return { log2Rounds, salt: salt as string, expected: expected as string }
}

/** phpass portable hashes: WordPress before 6.8 (`$P$`) and phpBB 3 (`$H$`). */
export const phpassVerifier: PasswordVerifier = {
  name: 'phpass',

  matches: (hash) => PHPASS_PREFIX_PATTERN.test(hash),

  check(hash) {
    parsePhpass(hash)
  },

  async verify(password, hash) {
    const { log2Rounds, salt, expected } = parsePhpass(hash)

    const md5 = await loadSyncHash('md5')
    const digest = phpassDigest(md5, utf8(password), utf8(salt), log2Rounds)
    return constantTimeEqual(encodeHash64(digest), expected)
  },
}
