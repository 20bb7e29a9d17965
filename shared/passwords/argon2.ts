import { decodeBase64 } from './base64'
import { utf8 } from './bytes'
import { constantTimeEqual } from './constant-time'
import { InvalidHashError, type PasswordVerifier } from './verifier'

// PHC string format: $argon2id$v=19$m=65536,t=3,p=4$<salt>$<hash>, base64 without padding.
// A missing v= means version 1.0 (0x10), as the reference implementation writes it. Django
// stores the same string behind `argon2`.
const ARGON2_PATTERN =
  /^(?:argon2)?\$argon2(id|i|d)\$(?:v=(\d+)\$)?m=(\d+),t=(\d+),p=(\d+)\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/
const ARGON2_PREFIX_PATTERN = /^(argon2)?\$argon2(id|i|d)\$/
const VERSIONS = new Set([0x10, 0x13])
// RFC 9106 allows a 4-byte tag, which one wrong password in 2^32 would match. The tag's
// length is the stored one, so a floor keeps a cut-short hash from passing; argon2-cffi
// writes 16 bytes (Django's hashes), PHP, libsodium and Spring 32.
const MIN_ARGON2_TAG_BYTES = 16

/**
 * 64 MiB (m is in KiB): half a Worker's 128 MB. OWASP's largest profile is 46 MiB;
 * Django's default (100 MiB, p=8) is above it, see `createArgon2Verifier`.
 */
export const MAX_ARGON2_MEMORY_KIB = 64 * 1024
/** Passes over memory; OWASP's profiles use 1 to 5. */
export const MAX_ARGON2_TIME_COST = 10
/**
 * The most work, memory times passes (m · t, in KiB), an argon2 hash may ask for: PHP's
 * default (m=65536, t=4), above argon2-cffi's (m=65536, t=3). The work of pure-JS argon2
 * grows with m · t whatever the lanes; at the cap it takes about 1.3 s on Node and
 * in workerd, 128 times the m=1024,t=2 argon2 rows of `npm run bench:hashes`.
 */
export const MAX_ARGON2_WORK_KIB = 65536 * 4
/** Lanes; JavaScript computes them one after another, so they only add work. */
export const MAX_ARGON2_PARALLELISM = 16

let nobleArgon2: Promise<typeof import('@noble/hashes/argon2.js')> | undefined

// Imported on the first argon2 hash, so that a cold start that never meets one does not
// evaluate it.
const loadArgon2 = () => {
  nobleArgon2 ??= import('@noble/hashes/argon2.js')
  return nobleArgon2
}

/** Limits of an argon2 verifier. */
export interface Argon2Limits {
  /** Largest memory cost accepted, in KiB. Defaults to `MAX_ARGON2_MEMORY_KIB`. */
  maxMemoryKiB?: number
  /** Largest memory times passes accepted, in KiB. Defaults to `MAX_ARGON2_WORK_KIB`. */
  maxWorkKiB?: number
}

/** Reads an argon2 hash, throwing `InvalidHashError` when it is malformed or past the limits. */
function parseArgon2(hash: string, limits: Required<Argon2Limits>) {
  const { maxMemoryKiB, maxWorkKiB } = limits
  const match = ARGON2_PATTERN.exec(hash)
  if (!match) {
    throw new InvalidHashError('argon2 hash is malformed: expected $argon2id$v=19$m=,t=,p=$…$…')
  }
  const [, type, versionText, mText, tText, pText, saltText, hashText] = match
  const version = versionText === undefined ? 0x10 : Number(versionText)
  const m = Number(mText)
  const t = Number(tText)
  const p = Number(pText)
  if (!VERSIONS.has(version)) {
    throw new InvalidHashError(`argon2 version ${version} is unknown: expected 16 or 19`)
  }
  if (
    m > maxMemoryKiB ||
    t > MAX_ARGON2_TIME_COST ||
    p > MAX_ARGON2_PARALLELISM ||
    m * t > maxWorkKiB
  ) {
    throw new InvalidHashError(
      `argon2 m=${m},t=${t},p=${p} is above the limit of m=${maxMemoryKiB},` +
        `t=${MAX_ARGON2_TIME_COST},p=${MAX_ARGON2_PARALLELISM} and m·t=${maxWorkKiB}`,
    )
  }
  // RFC 9106 section 3.1: at least 8 bytes of salt, 1 pass, 8 * p KiB.
  const salt = decodeBase64(saltText as string, 'argon2 salt')
  const expected = decodeBase64(hashText as string, 'argon2 hash')
  if (salt.length < 8 || t < 1 || p < 1 || m < 8 * p) {
    throw new InvalidHashError('argon2 parameters are below the minimums of RFC 9106')
  }
  if (expected.length < MIN_ARGON2_TAG_BYTES) {
    throw new InvalidHashError(
      `argon2 tag is ${expected.length} bytes: expected at least ${MIN_ARGON2_TAG_BYTES}`,
    )
  }
  return { type: type as 'id' | 'i' | 'd', version, m, t, p, salt, expected }
}

/**
 * Argon2 in PHC string form (argon2-cffi, PHP `password_hash`, libsodium, Spring), and
 * Django's `argon2$` form of it. Raise `maxMemoryKiB` only where memory allows it, such
 * as on Lambda with 512 MB or more; pure-JS argon2 at Django's 100 MiB and p=8 takes
 * seconds (see docs/password-formats.md).
 */
export function createArgon2Verifier(limits: Argon2Limits = {}): PasswordVerifier {
  const maxMemoryKiB = limits.maxMemoryKiB ?? MAX_ARGON2_MEMORY_KIB
  const maxWorkKiB = limits.maxWorkKiB ?? MAX_ARGON2_WORK_KIB
  const ownLimits = { maxMemoryKiB, maxWorkKiB }
  return {
    name: 'argon2',

    matches: (hash) => ARGON2_PREFIX_PATTERN.test(hash),

    check(hash) {
      parseArgon2(hash, ownLimits)
    },

    async verify(password, hash) {
      const { type, version, m, t, p, salt, expected } = parseArgon2(hash, ownLimits)

      const argon2 = await loadArgon2()
      const derive = { id: argon2.argon2idAsync, i: argon2.argon2iAsync, d: argon2.argon2dAsync }[
        type
      ]
      const computed = await derive(utf8(password), salt, {
        m,
        t,
        p,
        version,
        dkLen: expected.length,
        maxmem: (maxMemoryKiB + 1024) * 1024,
      })
      return constantTimeEqual(computed, expected)
    },
  }
}

/** Argon2 with the default limits, safe in a Worker. */
export const argon2Verifier: PasswordVerifier = createArgon2Verifier()
