import { describe, expect, it } from 'vitest'
import {
  createFirebaseScryptVerifier,
  type FirebaseScryptConfig,
} from '../../shared/passwords/firebase-scrypt'
import type { PasswordVerifier } from '../../shared/passwords/verifier'
import { defaultVerifiers } from '../../shared/passwords/verifiers'
import { verifyPassword } from '../../shared/passwords/verify-password'
import { withLastDigestByteChanged } from './tampered-hash'

/** One known hash with the password it was made from. */
export interface PasswordVector {
  format: string
  hash: string
  password: string
  wrong: string
}

/** A vectors file: ../shared/vectors/password-hashes.json or test/vectors/extra-hashes.json. */
export interface VectorFile {
  made_by: string
  firebase?: FirebaseScryptConfig
  vectors: PasswordVector[]
}

// bcrypt reads only the first 72 bytes of a password, in every implementation.
const BCRYPT_MAX_PASSWORD_BYTES = 72
const encoder = new TextEncoder()
// Pure-JS hashing runs several times slower inside the workerd test pool than deployed
// (Vite rewrites every call between the library's modules); scrypt at N=2^14 takes seconds.
const VECTOR_TIMEOUT_MS = 30_000

/** Whether the right and the wrong password still differ in the bytes bcrypt reads. */
export function differsInFirst72Bytes({ password, wrong }: PasswordVector): boolean {
  const right = encoder.encode(password).slice(0, BCRYPT_MAX_PASSWORD_BYTES)
  const other = encoder.encode(wrong).slice(0, BCRYPT_MAX_PASSWORD_BYTES)
  return right.join() !== other.join()
}

/** Whether bcrypt cannot tell the two passwords apart, because they differ only past 72 bytes. */
function isSameForBcrypt(vector: PasswordVector): boolean {
  return /^bcrypt-(2|django)/.test(vector.format) && !differsInFirst72Bytes(vector)
}

/** The default verifiers, and Firebase's when the file carries its project settings. */
function verifiersFor(file: VectorFile): PasswordVerifier[] {
  const verifiers: PasswordVerifier[] = [...defaultVerifiers]
  if (file.firebase) {
    verifiers.push(createFirebaseScryptVerifier(file.firebase))
  }
  return verifiers
}

/**
 * Checks every vector of a file through `verifyPassword` with the default verifiers (and
 * Firebase's, when the file carries its project settings): the right password passes and
 * the wrong one fails. Runs the same on Node and inside workerd.
 */
export function describeVectors(title: string, file: VectorFile): void {
  const verifiers = verifiersFor(file)
  const counts = new Map<string, number>()

  describe(title, () => {
    for (const vector of file.vectors) {
      const count = (counts.get(vector.format) ?? 0) + 1
      counts.set(vector.format, count)

      it(
        `accepts the right password and rejects a wrong one for ${vector.format} #${count}`,
        async () => {
          // Where bcrypt cannot see the vector's change, change the first character instead.
          const wrongPassword = isSameForBcrypt(vector)
            ? `${vector.password[0] === 'x' ? 'y' : 'x'}${vector.password.slice(1)}`
            : vector.wrong

          const right = await verifyPassword(vector.password, vector.hash, verifiers)
          const wrong = await verifyPassword(wrongPassword, vector.hash, verifiers)

          expect(right.isValid).toBe(true)
          expect(wrong.isValid).toBe(false)
          expect(verifiers.filter((verifier) => verifier.matches(vector.hash))).toHaveLength(1)
        },
        VECTOR_TIMEOUT_MS,
      )
    }
  })
}

/** The first vector of each format in the file. */
function firstOfEachFormat(file: VectorFile): PasswordVector[] {
  return file.vectors.filter(
    (vector, index) => file.vectors.findIndex((other) => other.format === vector.format) === index,
  )
}

/**
 * Checks that an empty password is an ordinary wrong password for one hash of every format
 * in the file, never an error: in workerd it is a zero-length WebCrypto key.
 */
export function describeEmptyPassword(title: string, file: VectorFile): void {
  const verifiers = verifiersFor(file)
  const firstOfEach = firstOfEachFormat(file)

  describe(title, () => {
    for (const vector of firstOfEach) {
      it(
        `rejects an empty password for ${vector.format}`,
        async () => {
          const check = await verifyPassword('', vector.hash, verifiers)

          expect(check.isValid).toBe(false)
        },
        VECTOR_TIMEOUT_MS,
      )
    }
  })
}

/**
 * Checks, for one hash of every format in the file, that the right password fails once the
 * last byte of the stored digest is changed: a comparison that stops short of the end,
 * or reads only a prefix, would still pass it.
 */
export function describeTamperedDigests(title: string, file: VectorFile): void {
  const verifiers = verifiersFor(file)

  describe(title, () => {
    for (const vector of firstOfEachFormat(file)) {
      it(
        `rejects the right password once the digest's last byte changes for ${vector.format}`,
        async () => {
          const tampered = withLastDigestByteChanged(vector.hash)

          const check = await verifyPassword(vector.password, tampered, verifiers)

          expect(tampered).not.toBe(vector.hash)
          expect(check.isValid).toBe(false)
        },
        VECTOR_TIMEOUT_MS,
      )
    }
  })
}

/**
 * Checks hashes of the file written in spellings their formats allow but no vector uses:
 * an argon2 hash of version 1.0 without `v=`, which means 1.0, and an LDAP scheme name in
 * lower case, which OpenLDAP reads in any case.
 */
export function describeOtherSpellings(title: string, file: VectorFile): void {
  const verifiers = verifiersFor(file)
  const respelled = [
    ...file.vectors
      .filter((vector) => vector.hash.includes('$v=16$'))
      .map((vector) => ['without v=', vector, vector.hash.replace('$v=16$', '$')] as const),
    ...firstOfEachFormat(file)
      .filter((vector) => vector.hash.startsWith('{'))
      .map((vector) => {
        const close = vector.hash.indexOf('}')
        const lowerCase = vector.hash.slice(0, close).toLowerCase() + vector.hash.slice(close)
        return ['with its scheme in lower case', vector, lowerCase] as const
      }),
  ]

  const counts = new Map<string, number>()

  describe(title, () => {
    for (const [spelling, vector, hash] of respelled) {
      const count = (counts.get(vector.format) ?? 0) + 1
      counts.set(vector.format, count)

      it(
        `accepts the right password and rejects a wrong one for ${vector.format} #${count} ${spelling}`,
        async () => {
          const right = await verifyPassword(vector.password, hash, verifiers)
          const wrong = await verifyPassword(vector.wrong, hash, verifiers)

          expect(right.isValid).toBe(true)
          expect(wrong.isValid).toBe(false)
        },
        VECTOR_TIMEOUT_MS,
      )
    }
  })
}
