import { decodeBase64 } from './base64'
import { concatBytes, utf8 } from './bytes'
import { constantTimeEqual } from './constant-time'
import { deriveScrypt } from './scrypt-derive'
import { InvalidHashError, type PasswordVerifier } from './verifier'

/**
 * The hash parameters of a Firebase Authentication project, as the Firebase console shows
 * them under Authentication > Users > ⋮ > Password hash parameters. They are the same for
 * every user of the project; `firebase auth:export` gives only each user's salt and hash.
 */
export interface FirebaseScryptConfig {
  /** `base64_signer_key`: base64, secret; keep it out of the repository. */
  signerKey: string
  /** `base64_salt_separator`: base64, usually `Bw==`. */
  saltSeparator: string
  /** `rounds`: scrypt's block size r, 1 to 8. */
  rounds: number
  /** `mem_cost`: log2 of scrypt's N, 1 to 14. */
  memCost: number
}

// Accepted form: $firebase-scrypt$<salt>$<passwordHash>, both base64 exactly as the
// export's `salt` and `passwordHash` fields hold them.
const FIREBASE_PATTERN = /^\$firebase-scrypt\$([A-Za-z0-9+/]+={0,2})\$([A-Za-z0-9+/]+={0,2})$/
const FIREBASE_PREFIX = '$firebase-scrypt$'
const KEY_BYTES = 32

/** Reads a Firebase hash, throwing `InvalidHashError` when it is malformed or cut short. */
function parseFirebaseScrypt(hash: string, signerKey: Uint8Array) {
  const match = FIREBASE_PATTERN.exec(hash)
  if (!match) {
    throw new InvalidHashError(
      'Firebase scrypt hash is malformed: expected $firebase-scrypt$<salt>$<passwordHash>',
    )
  }
  const salt = decodeBase64(match[1] as string, 'Firebase salt')
  const expected = decodeBase64(match[2] as string, 'Firebase password hash')
  // The hash is the signer key encrypted, byte for byte as long; a shorter one is cut.
  if (expected.length !== signerKey.length) {
    throw new InvalidHashError(
      `Firebase password hash is ${expected.length} bytes: expected ${signerKey.length}, ` +
        "the signer key's length",
    )
  }
  return { salt, expected }
}

/**
 * Verifies Firebase Authentication's modified scrypt: the password and the user's salt
 * (followed by the project's salt separator) give a scrypt key, which encrypts the
 * project's signer key with AES-256-CTR and a zero counter; the ciphertext is the hash.
 *
 * Store each user's hash as `$firebase-scrypt$<salt>$<passwordHash>`. Deployments turn it
 * on with the four `FIREBASE_*` settings, read by `verifiersFromEnv`.
 */
export function createFirebaseScryptVerifier(config: FirebaseScryptConfig): PasswordVerifier {
  const signerKey = decodeBase64(config.signerKey, 'Firebase signer key')
  const saltSeparator = decodeBase64(config.saltSeparator, 'Firebase salt separator')
  const { rounds, memCost } = config
  // These bounds keep the project's scrypt at 16 MiB at most, within every scrypt limit, so
  // no hash needs its parameters checked.
  if (!Number.isInteger(rounds) || rounds < 1 || rounds > 8) {
    throw new RangeError('Firebase rounds must be an integer from 1 to 8')
  }
  if (!Number.isInteger(memCost) || memCost < 1 || memCost > 14) {
    throw new RangeError('Firebase mem_cost must be an integer from 1 to 14')
  }

  return {
    name: 'firebase-scrypt',

    matches: (hash) => hash.startsWith(FIREBASE_PREFIX),

    check(hash) {
      parseFirebaseScrypt(hash, signerKey)
    },

    async verify(password, hash) {
      const { salt, expected } = parseFirebaseScrypt(hash, signerKey)

      const derived = await deriveScrypt(utf8(password), concatBytes(salt, saltSeparator), {
        N: 2 ** memCost,
        r: rounds,
        p: 1,
        dkLen: KEY_BYTES,
      })
      const key = await crypto.subtle.importKey('raw', new Uint8Array(derived), 'AES-CTR', false, [
        'encrypt',
      ])
      const params = { name: 'AES-CTR', counter: new Uint8Array(16), length: 128 }
      const computed = new Uint8Array(await crypto.subtle.encrypt(params, key, signerKey))
      return constantTimeEqual(computed, expected)
    },
  }
}
