import { describe, expect, it } from 'vitest'
import { createArgon2Verifier } from '../../shared/passwords/argon2'
import extraVectors from '../vectors/extra-hashes.json'
import { describeInvalidHashes } from './invalid-hash-suite'

describeInvalidHashes('Node', extraVectors.firebase)

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

  it('accepts memory up to its own maxMemoryKiB', async () => {
    const verifier = createArgon2Verifier({ maxMemoryKiB: 2048 })

    const isValid = await verifier.verify('password', hash)

    expect(isValid).toBe(false)
  })
})
