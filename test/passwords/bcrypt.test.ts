import { describe, expect, it } from 'vitest'
import { bcryptVerifier } from '../../shared/passwords/bcrypt'
import { InvalidHashError } from '../../shared/passwords/verifier'
import { differsInFirst72Bytes } from './vector-suite'
import { sharedVectors } from './vectors'

const vectors = sharedVectors('bcrypt-2')
const REFUSED_HASHES = [
  ['a truncated hash', '$2b$05$BEhiuCwoFjmiKXaF73sYFu'],
  ['a cost above 13', `$2b$14$${'a'.repeat(53)}`],
  ['a cost below 4', `$2b$03$${'a'.repeat(53)}`],
  ['characters outside bcrypt base64', `$2b$05$${'!'.repeat(53)}`],
]

describe('bcrypt verifier', () => {
  it('has vectors for $2a$, $2b$ and $2y$', () => {
    expect(new Set(vectors.map((vector) => vector.hash.slice(0, 4)))).toEqual(
      new Set(['$2a$', '$2b$', '$2y$']),
    )
  })

  it.each(vectors)('accepts the right password for $format $hash', async (vector) => {
    expect(bcryptVerifier.matches(vector.hash)).toBe(true)

    expect(await bcryptVerifier.verify(vector.password, vector.hash)).toBe(true)
  })

  it.each(vectors.filter(differsInFirst72Bytes))(
    'rejects a wrong password for $format $hash',
    async (vector) => {
      expect(await bcryptVerifier.verify(vector.wrong, vector.hash)).toBe(false)
    },
  )

  // bcrypt reads only the first 72 bytes of a password, in every implementation; a
  // "wrong" password that differs only after them is the same password to bcrypt.
  it.each(vectors.filter((vector) => !differsInFirst72Bytes(vector)))(
    'ignores what follows the first 72 bytes, as every bcrypt does, for $format $hash',
    async (vector) => {
      expect(await bcryptVerifier.verify(vector.wrong, vector.hash)).toBe(true)
    },
  )

  it.each(REFUSED_HASHES)('refuses %s without passing it', async (_, hash) => {
    await expect(bcryptVerifier.verify('anything', hash)).rejects.toThrow(InvalidHashError)
  })

  it.each(REFUSED_HASHES)('refuses %s in check too', (_, hash) => {
    expect(() => bcryptVerifier.check(hash)).toThrow(InvalidHashError)
  })

  it.each(vectors)('passes $format $hash in check', (vector) => {
    expect(() => bcryptVerifier.check(vector.hash)).not.toThrow()
  })

  it('does not claim hashes of other formats', () => {
    expect(bcryptVerifier.matches('$argon2id$v=19$m=1024,t=2,p=1$c2FsdA$aGFzaA')).toBe(false)
    expect(bcryptVerifier.matches('bcrypt_sha256$$2b$12$abc')).toBe(false)
  })
})
