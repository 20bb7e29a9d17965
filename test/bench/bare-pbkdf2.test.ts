import { pbkdf2Sync } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { continuedPbkdf2 } from '../../bench/hashes-primitives'

// The hash benchmark times verifiers against bare primitives; past WebCrypto's cap the
// bare PBKDF2 is the benchmark's own code, so it must compute PBKDF2 and nothing less.
const encode = (text: string) => new TextEncoder().encode(text) as Uint8Array<ArrayBuffer>

describe("the hash benchmark's bare PBKDF2 past WebCrypto's cap", () => {
  it.each([
    ['SHA-256', 'sha256', 32, 'secret'],
    [
      'SHA-256',
      'sha256',
      40,
      'a password longer than the 64 bytes of one SHA-256 block, hashed first',
    ],
    ['SHA-512', 'sha512', 64, 'secret'],
    ['SHA-1', 'sha1', 45, 'secret'],
    ['SHA-1', 'sha1', 20, ''],
  ] as const)(
    'gives %s PBKDF2 of %i bytes as Node computes it',
    async (hash, name, length, password) => {
      const iterations = 100_003

      const bare = await continuedPbkdf2(
        hash,
        encode(password),
        encode('salty'),
        iterations,
        length,
      )

      const expected = pbkdf2Sync(password, 'salty', iterations, length, name)
      expect(Buffer.from(bare).toString('hex')).toBe(expected.toString('hex'))
    },
  )
})
