import { describe, expect, it } from 'vitest'
import { createArgon2Verifier } from '../../shared/passwords/argon2'
import { InvalidHashError } from '../../shared/passwords/verifier'
import { defaultVerifiers } from '../../shared/passwords/verifiers'
import { checkHash, verifyPassword } from '../../shared/passwords/verify-password'
import extraVectors from '../vectors/extra-hashes.json'
import { describeInvalidHashes, HASH32, SALT16 } from './invalid-hash-suite'

describeInvalidHashes('Node', extraVectors.firebase)

// Hashes right at each cap, for a password they were not made from: each must be
// computed and rejected, not refused as beyond the limits. Node only: in workerd the
// PBKDF2 one alone takes several seconds of WebCrypto HMAC.
const AT_THE_CAPS: [string, string][] = [
  ['bcrypt cost 13', `$2b$13$${'a'.repeat(53)}`],
  ["PHP's argon2 default, m=65536, t=4", `$argon2id$v=19$m=65536,t=4,p=1$${SALT16}$${HASH32}`],
  ["passlib's scrypt default, ln=16, r=8, p=1", `$scrypt$ln=16,r=8,p=1$${SALT16}$${HASH32}`],
  ['scrypt work of 256 MiB, ln=16, r=8, p=4', `$scrypt$ln=16,r=8,p=4$${SALT16}$${HASH32}`],
  ['PBKDF2 at 2,000,000 iterations', `pbkdf2_sha256$2000000$salt$${HASH32}=`],
  ['sha512-crypt at 656,000 rounds', `$6$rounds=656000$saltsalt$${'a'.repeat(86)}`],
  ['phpass at 2^18 rounds', `$P$G${'a'.repeat(30)}`],
]

describe('hashes at the limits', () => {
  for (const [description, hash] of AT_THE_CAPS) {
    it(`computes and rejects a wrong password for ${description}`, async () => {
      const check = await verifyPassword('password', hash, defaultVerifiers)

      expect(check.isValid).toBe(false)
    }, 30_000)
  }
})

describe('scrypt work', () => {
  it('refuses 128·N·r·p above 256 MiB with a message naming the work limit', async () => {
    const hash = `$scrypt$ln=16,r=7,p=16$${SALT16}$${HASH32}`

    const attempt = verifyPassword('password', hash, defaultVerifiers)

    await expect(attempt).rejects.toThrow('above the work limit of 256 MiB for 128·N·r·p')
  })

  it('refuses it in checkHash with the same message', () => {
    const hash = `$scrypt$ln=16,r=7,p=16$${SALT16}$${HASH32}`

    const check = () => checkHash(hash, defaultVerifiers)

    expect(check).toThrow(InvalidHashError)
    expect(check).toThrow('above the work limit of 256 MiB for 128·N·r·p')
  })
})

describe('createArgon2Verifier', () => {
  const hash = '$argon2id$v=19$m=2048,t=1,p=1$c2FsdHNhbHRzYWx0c2FsdA$u9TdTRKRe9GJmeZeRzCs6g'

  it('refuses memory above its own maxMemoryKiB', async () => {
    const verifier = createArgon2Verifier({ maxMemoryKiB: 1024 })

    const attempt = verifier.verify('password', hash)

    await expect(attempt).rejects.toThrow('above the limit of m=1024')
  })

  it('refuses memory times passes above its own maxWorkKiB', async () => {
    const verifier = createArgon2Verifier({ maxWorkKiB: 1024 })

    const attempt = verifier.verify('password', hash)

    await expect(attempt).rejects.toThrow('m·t=1024')
  })

  it('refuses in check memory above its own maxMemoryKiB', () => {
    const verifier = createArgon2Verifier({ maxMemoryKiB: 1024 })

    const check = () => verifier.check(hash)

    expect(check).toThrow(InvalidHashError)
    expect(check).toThrow('above the limit of m=1024')
  })

  it('refuses in check memory times passes above its own maxWorkKiB', () => {
    const verifier = createArgon2Verifier({ maxWorkKiB: 1024 })

    const check = () => verifier.check(hash)

    expect(check).toThrow(InvalidHashError)
    expect(check).toThrow('m·t=1024')
  })

  it('passes in check memory up to its own maxMemoryKiB', () => {
    const verifier = createArgon2Verifier({ maxMemoryKiB: 2048 })

    const check = () => verifier.check(hash)

    expect(check).not.toThrow()
  })

  it('accepts memory up to its own maxMemoryKiB', async () => {
    const verifier = createArgon2Verifier({ maxMemoryKiB: 2048 })

    const isValid = await verifier.verify('password', hash)

    expect(isValid).toBe(false)
  })
})
