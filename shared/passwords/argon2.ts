import { argon2dAsync, argon2iAsync, argon2idAsync } from '@noble/hashes/argon2.js'
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

/**
 * 64 MiB (m is in KiB): half a Worker's 128 MB. OWASP's largest profile is 46 MiB;
 * Django's default (100 MiB, p=8) is above it, see `createArgon2Verifier`.
 */
export const MAX_ARGON2_MEMORY_KIB = 64 * 1024
/** Passes over memory; OWASP's profiles use 1 to 5. */
export const MAX_ARGON2_TIME_COST = 10
/** Lanes; JavaScript computes them one after another, so they only add work. */
export const MAX_ARGON2_PARALLELISM = 16

const DERIVE = { id: argon2idAsync, i: argon2iAsync, d: argon2dAsync }

/** Limits of an argon2 verifier. */
export interface Argon2Limits {
  /** Largest memory cost accepted, in KiB. Defaults to `MAX_ARGON2_MEMORY_KIB`. */
  maxMemoryKiB?: number
}

/**
 * Argon2 in PHC string form (argon2-cffi, PHP `password_hash`, libsodium, Spring), and
 * Django's `argon2$` form of it. Raise `maxMemoryKiB` only where memory allows it, such
 * as on Lambda with 512 MB or more; pure-JS argon2 at Django's 100 MiB and p=8 takes
 * seconds (see docs/password-formats.md).
 */
export function createArgon2Verifier(limits: Argon2Limits = {}): PasswordVerifier {
  const maxMemoryKiB = limits.maxMemoryKiB ?? MAX_ARGON2_MEMORY_KIB
  return {
    name: 'argon2',

    matches: (hash) => ARGON2_PREFIX_PATTERN.test(hash),

    async verify(password, hash) {
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
      if (m > maxMemoryKiB || t > MAX_ARGON2_TIME_COST || p > MAX_ARGON2_PARALLELISM) {
        throw new InvalidHashError(
          `argon2 m=${m},t=${t},p=${p} is above the limit of m=${maxMemoryKiB},` +
            `t=${MAX_ARGON2_TIME_COST},p=${MAX_ARGON2_PARALLELISM}`,
        )
      }
      // RFC 9106 section 3.1: at least 8 bytes of salt, 4 of tag, 1 pass, 8 * p KiB.
      const salt = decodeBase64(saltText as string, 'argon2 salt')
      const expected = decodeBase64(hashText as string, 'argon2 hash')
      if (salt.length < 8 || expected.length < 4 || t < 1 || p < 1 || m < 8 * p) {
        throw new InvalidHashError('argon2 parameters are below the minimums of RFC 9106')
      }

      const derive = DERIVE[type as keyof typeof DERIVE]
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
