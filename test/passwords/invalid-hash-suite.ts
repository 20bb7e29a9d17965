import { describe, expect, it } from 'vitest'
import {
  createFirebaseScryptVerifier,
  type FirebaseScryptConfig,
} from '../../shared/passwords/firebase-scrypt'
import { InvalidHashError, UnsupportedHashError } from '../../shared/passwords/verifier'
import { defaultVerifiers } from '../../shared/passwords/verifiers'
import { checkHash, verifyPassword } from '../../shared/passwords/verify-password'

/** 16 bytes of salt and a 32-byte key, in base64 without padding. */
export const SALT16 = 'c2FsdHNhbHRzYWx0c2FsdA'
export const HASH32 = 'aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g'
// The first 16 and 20 bytes of HASH32, and one byte that is a whole base64 quantum.
const HASH16 = HASH32.slice(0, 22)
const HASH20 = 'aGFzaGhhc2hoYXNoaGFzaGhhc2g'
const ONE_BYTE = 'Wg'

/** ASP.NET Identity v3: marker, PRF, iterations, salt length, the salt, the key. */
function aspnetV3(prf: number, iterations: number, keyBytes = 32, saltBytes = 16): string {
  const bytes = new Uint8Array(13 + saltBytes + keyBytes)
  const view = new DataView(bytes.buffer)
  bytes[0] = 0x01
  view.setUint32(1, prf)
  view.setUint32(5, iterations)
  view.setUint32(9, saltBytes)
  return btoa(String.fromCharCode(...bytes))
}

// Each hash is owned by a verifier but must never be used: malformed, cut short (a key
// shorter than its format's would compare fewer bytes, and one byte lets one wrong
// password in 256 through), or costlier than a Worker (128 MB) and a webhook (3 s) afford.
const INVALID_HASHES: [string, string][] = [
  ['bcrypt cost above 13', `$2b$14$${'a'.repeat(53)}`],
  ['a truncated bcrypt hash', '$2b$10$abcdefghijklmnopqrstuv'],
  ['a truncated Django bcrypt_sha256 hash', 'bcrypt_sha256$$2b$12$abcdefghijklmnopqrstuv'],
  ['Django bcrypt cost above 13', `bcrypt$$2b$14$${'a'.repeat(53)}`],
  ['a truncated WordPress bcrypt hash', '$wp$2y$10$abcdefghijklmnopqrstuv'],
  ['argon2 memory above 64 MiB', `$argon2id$v=19$m=131072,t=2,p=1$${SALT16}$${HASH32}`],
  [
    "Django's default argon2 memory of 100 MiB",
    `argon2$argon2id$v=19$m=102400,t=2,p=8$${SALT16}$${HASH32}`,
  ],
  ['argon2 time cost above 10', `$argon2id$v=19$m=1024,t=11,p=1$${SALT16}$${HASH32}`],
  [
    'argon2 memory times passes above m=65536,t=4',
    `$argon2id$v=19$m=65536,t=5,p=1$${SALT16}$${HASH32}`,
  ],
  ['argon2 memory of 0', `$argon2id$v=19$m=0,t=2,p=1$${SALT16}$${HASH32}`],
  // RFC 9106 asks for at least 8 KiB of memory per lane.
  ['argon2 memory below 8 KiB per lane', `$argon2id$v=19$m=8,t=1,p=2$${SALT16}$${HASH32}`],
  ['an argon2 hash without its parameters', `$argon2id$v=19$${SALT16}$${HASH32}`],
  ['an unknown argon2 version', `$argon2id$v=20$m=1024,t=2,p=1$${SALT16}$${HASH32}`],
  ['argon2 with a 4-byte salt', `$argon2i$v=19$m=1024,t=2,p=1$c2FsdA$${HASH32}`],
  ['argon2 with a 4-byte tag', `$argon2id$v=19$m=1024,t=2,p=1$${SALT16}$aGFzaA`],
  ['argon2 with a 15-byte tag', `$argon2id$v=19$m=1024,t=2,p=1$${SALT16}$${HASH32.slice(0, 20)}`],
  ['a passlib scrypt hash without r', `$scrypt$ln=4,p=1$${SALT16}$${HASH32}`],
  ['scrypt N of 1, ln=0', `$scrypt$ln=0,r=8,p=1$${SALT16}$${HASH32}`],
  ['scrypt N*r above 64 MiB', `$scrypt$ln=17,r=8,p=1$${SALT16}$${HASH32}`],
  ['scrypt parallelism above 16', `$scrypt$ln=4,r=8,p=17$${SALT16}$${HASH32}`],
  ['scrypt work 128·N·r·p above 256 MiB', `$scrypt$ln=16,r=8,p=5$${SALT16}$${HASH32}`],
  ['a passlib scrypt key of one byte', `$scrypt$ln=4,r=8,p=1$${SALT16}$${ONE_BYTE}`],
  ['a passlib scrypt key of 16 bytes', `$scrypt$ln=4,r=8,p=1$${SALT16}$${HASH16}`],
  ['PBKDF2 above 2,000,000 iterations', `pbkdf2_sha256$2000001$salt$${HASH32}=`],
  ['passlib PBKDF2 above 2,000,000 iterations', `$pbkdf2-sha256$2000001$${SALT16}$${HASH32}`],
  ['Django PBKDF2 with no iterations', `pbkdf2_sha256$0$salt$${HASH32}=`],
  ['passlib PBKDF2 with no iterations', `$pbkdf2-sha256$0$${SALT16}$${HASH32}`],
  ['passlib PBKDF2 with a bad salt', `$pbkdf2-sha256$1000$a!b$${HASH32}`],
  ['a passlib PBKDF2-SHA256 key of one byte', `$pbkdf2-sha256$1000$${SALT16}$${ONE_BYTE}`],
  ['a passlib PBKDF2-SHA256 key of 16 bytes', `$pbkdf2-sha256$1000$${SALT16}$${HASH16}`],
  ['a passlib PBKDF2-SHA512 key of 32 bytes', `$pbkdf2-sha512$1000$${SALT16}$${HASH32}`],
  ['a passlib PBKDF2-SHA1 key of 32 bytes', `$pbkdf2$1000$${SALT16}$${HASH32}`],
  ['a Django PBKDF2-SHA256 key of one byte', `pbkdf2_sha256$1000$salt$${ONE_BYTE}==`],
  ['a Django PBKDF2-SHA256 key of 20 bytes', `pbkdf2_sha256$1000$salt$${HASH20}=`],
  ['a Django PBKDF2-SHA1 key of 32 bytes', `pbkdf2_sha1$1000$salt$${HASH32}=`],
  ['sha-crypt rounds above 656,000', `$6$rounds=656001$saltsalt$${'a'.repeat(86)}`],
  ['sha-crypt rounds below 1000', `$5$rounds=10$saltsalt$${'a'.repeat(43)}`],
  ['a sha256-crypt digest of 42 characters', `$5$saltsalt$${'a'.repeat(42)}`],
  ['a sha512-crypt digest of 43 characters', `$6$saltsalt$${'a'.repeat(43)}`],
  ['a sha256-crypt digest of 86 characters', `$5$saltsalt$${'a'.repeat(86)}`],
  ['a sha512-crypt digest of one character', '$6$rounds=5000$saltsalt$a'],
  ['phpass with 2^19 rounds', `$P$H${'a'.repeat(30)}`],
  // The cost character 4 is 6 in hash64; phpass itself refuses fewer than 2^7 rounds.
  ['phpass with 2^6 rounds', `$P$4${'a'.repeat(30)}`],
  ['a truncated phpass hash', '$P$Babcdefgh'],
  ['md5-crypt with a 9-character salt', `$1$saltsalt9$${'a'.repeat(22)}`],
  ['a truncated md5-crypt digest', `$1$saltsalt$${'a'.repeat(21)}`],
  ['an LDAP digest of the wrong length', '{SSHA}c2hvcnQ='],
  ['an unsalted LDAP digest cut short', `{SHA256}${HASH16}`],
  ['an LDAP value that is not base64', '{SSHA}not base64!'],
  ['ASP.NET Identity v2 with an unknown format marker', `A/${'A'.repeat(64)}==`],
  ['ASP.NET Identity v3 with an unknown PRF', aspnetV3(7, 10_000)],
  ['ASP.NET Identity v3 with no iterations', aspnetV3(1, 0)],
  ['ASP.NET Identity v3 above 2,000,000 iterations', aspnetV3(1, 2_000_001)],
  ['ASP.NET Identity v3 with a 15-byte key', aspnetV3(1, 10_000, 15)],
  ['ASP.NET Identity v3 with an 8-byte salt', aspnetV3(1, 10_000, 32, 8)],
  ['a Firebase password hash shorter than the signer key', `$firebase-scrypt$${SALT16}$${HASH32}`],
  ['a Firebase hash without its salt', `$firebase-scrypt$$${HASH32}`],
]

/** What `action` throws, or `undefined` when it returns. */
function thrownBy(action: () => void): unknown {
  try {
    action()
  } catch (error) {
    return error
  }
  return undefined
}

/**
 * Checks that every hash a verifier owns but cannot safely use throws `InvalidHashError`
 * (never a pass, never the hash in the message), on Node and inside workerd, and that
 * `checkHash` refuses each of them as `verifyPassword` does. `firebase` is a project's
 * settings, for the Firebase verifier beside the defaults.
 */
export function describeInvalidHashes(runtime: string, firebase: FirebaseScryptConfig): void {
  const verifiers = [...defaultVerifiers, createFirebaseScryptVerifier(firebase)]

  describe(`hashes a verifier owns but cannot use, on ${runtime}`, () => {
    for (const [description, hash] of INVALID_HASHES) {
      it(`throws InvalidHashError without the hash in its message for ${description}`, async () => {
        const attempt = verifyPassword('password', hash, verifiers)

        const error = await attempt.catch((caught: unknown) => caught)
        expect(error).toBeInstanceOf(InvalidHashError)
        expect((error as Error).message).not.toContain(hash)
        expect((error as Error).message).not.toMatch(/c2Fsd|aGFza|aaaa|Wg/)
      })

      it(`refuses ${description} in checkHash with the message verifyPassword gives`, async () => {
        const refusal = await verifyPassword('password', hash, verifiers).catch((caught) => caught)

        const checkRefusal = thrownBy(() => checkHash(hash, verifiers))

        expect(checkRefusal).toBeInstanceOf(InvalidHashError)
        expect((checkRefusal as Error).message).toBe((refusal as Error).message)
      })
    }

    it('holds a refused hash for every verifier', () => {
      const owners = INVALID_HASHES.map(([, hash]) => verifiers.find((it) => it.matches(hash)))

      const names = new Set(owners.map((owner) => owner?.name))

      expect([...names].sort()).toEqual(verifiers.map((verifier) => verifier.name).sort())
    })

    it('throws UnsupportedHashError for a format no verifier knows', async () => {
      const attempt = verifyPassword('password', '$unknown$abc', verifiers)

      await expect(attempt).rejects.toBeInstanceOf(UnsupportedHashError)
    })

    it('refuses a format no verifier knows in checkHash, without the hash in its message', () => {
      const refusal = thrownBy(() => checkHash('$unknown$abc', verifiers))

      expect(refusal).toBeInstanceOf(UnsupportedHashError)
      expect((refusal as Error).message).not.toContain('unknown$abc')
    })
  })
}
