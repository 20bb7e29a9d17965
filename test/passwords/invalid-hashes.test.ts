import { describe, expect, it } from 'vitest'
import { createArgon2Verifier } from '../../shared/passwords/argon2'
import { InvalidHashError, UnsupportedHashError } from '../../shared/passwords/verifier'
import { defaultVerifiers } from '../../shared/passwords/verifiers'
import { verifyPassword } from '../../shared/passwords/verify-password'

const SALT16 = 'c2FsdHNhbHRzYWx0c2FsdA'
const HASH32 = 'aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g'

/** ASP.NET Identity v3: marker, PRF, iterations, salt length, 16-byte salt, 32-byte key. */
function aspnetV3(prf: number, iterations: number): string {
  const bytes = new Uint8Array(13 + 16 + 32)
  const view = new DataView(bytes.buffer)
  bytes[0] = 0x01
  view.setUint32(1, prf)
  view.setUint32(5, iterations)
  view.setUint32(9, 16)
  return btoa(String.fromCharCode(...bytes))
}

// Each hash is owned by a verifier but must never be used: malformed, or costlier than a
// Worker (128 MB, a few seconds) can afford.
const INVALID_HASHES: [string, string][] = [
  ['bcrypt cost above 15', `$2b$16$${'a'.repeat(53)}`],
  ['a truncated bcrypt hash', '$2b$10$abcdefghijklmnopqrstuv'],
  ['argon2 memory above 64 MiB', `$argon2id$v=19$m=131072,t=2,p=1$${SALT16}$${HASH32}`],
  [
    "Django's default argon2 memory of 100 MiB",
    `argon2$argon2id$v=19$m=102400,t=2,p=8$${SALT16}$${HASH32}`,
  ],
  ['argon2 time cost above 10', `$argon2id$v=19$m=1024,t=11,p=1$${SALT16}$${HASH32}`],
  ['an unknown argon2 version', `$argon2id$v=20$m=1024,t=2,p=1$${SALT16}$${HASH32}`],
  ['argon2 with a 4-byte salt', `$argon2i$v=19$m=1024,t=2,p=1$c2FsdA$${HASH32}`],
  ['scrypt N*r above 64 MiB', `$scrypt$ln=17,r=8,p=1$${SALT16}$${HASH32}`],
  ['scrypt parallelism above 16', `$scrypt$ln=4,r=8,p=17$${SALT16}$${HASH32}`],
  ['PBKDF2 above 10,000,000 iterations', `pbkdf2_sha256$20000000$salt$${HASH32}=`],
  ['passlib PBKDF2 with a bad salt', `$pbkdf2-sha256$1000$a!b$${HASH32}`],
  ['sha-crypt rounds above 1,000,000', `$6$rounds=5000000$saltsalt$${'a'.repeat(86)}`],
  ['sha-crypt rounds below 1000', `$5$rounds=10$saltsalt$${'a'.repeat(43)}`],
  ['phpass with 2^19 rounds', `$P$H${'a'.repeat(30)}`],
  ['a truncated phpass hash', '$P$Babcdefgh'],
  ['md5-crypt with a 9-character salt', `$1$saltsalt9$${'a'.repeat(22)}`],
  ['an LDAP digest of the wrong length', '{SSHA}c2hvcnQ='],
  ['an LDAP value that is not base64', '{SSHA}not base64!'],
  ['ASP.NET Identity v3 with an unknown PRF', aspnetV3(7, 10_000)],
  ['ASP.NET Identity v3 above 10,000,000 iterations', aspnetV3(1, 20_000_000)],
]

describe('hashes a verifier owns but cannot use', () => {
  for (const [description, hash] of INVALID_HASHES) {
    it(`throws InvalidHashError without the hash in its message for ${description}`, async () => {
      const attempt = verifyPassword('password', hash, defaultVerifiers)

      const error = await attempt.catch((caught: unknown) => caught)
      expect(error).toBeInstanceOf(InvalidHashError)
      expect((error as Error).message).not.toContain(hash)
      expect((error as Error).message).not.toMatch(/c2Fsd|aGFza|aaaa/)
    })
  }

  it('throws UnsupportedHashError for a format no verifier knows', async () => {
    const attempt = verifyPassword('password', '$unknown$abc', defaultVerifiers)

    await expect(attempt).rejects.toBeInstanceOf(UnsupportedHashError)
  })
})

describe('createArgon2Verifier', () => {
  const hash = '$argon2id$v=19$m=2048,t=1,p=1$c2FsdHNhbHRzYWx0c2FsdA$u9TdTRKRe9GJmeZeRzCs6g'

  it('refuses memory above its own maxMemoryKiB', async () => {
    const verifier = createArgon2Verifier({ maxMemoryKiB: 1024 })

    const attempt = verifier.verify('password', hash)

    await expect(attempt).rejects.toThrow('above the limit of m=1024')
  })

  it('accepts memory up to its own maxMemoryKiB', async () => {
    const verifier = createArgon2Verifier({ maxMemoryKiB: 2048 })

    const isValid = await verifier.verify('password', hash)

    expect(isValid).toBe(false)
  })
})
