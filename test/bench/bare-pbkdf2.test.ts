import { pbkdf2Sync } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { continuedPbkdf2 } from '../../bench/hashes-primitives'

// The hash benchmark times verifiers against bare primitives; past WebCrypto's cap the
// bare PBKDF2 is the benchmark's own code, so it must compute PBKDF2 and nothing less.
const encode = (text: string) => new TextEncoder().encode(text) as Uint8Array<ArrayBuffer>

describe("the hash benchmark's bare PBKDF2 past WebCrypto's cap", () => {
  it.each([
    { hash: 'SHA-256', name: 'sha256', length: 32, password: 'secret', hmac: 'chain' },
    { hash: 'SHA-256', name: 'sha256', length: 32, password: 'secret', hmac: 'webcrypto' },
    {
      hash: 'SHA-256',
      name: 'sha256',
      length: 40,
      password: 'a password longer than the 64 bytes of one SHA-256 block, hashed first',
      hmac: 'chain',
    },
    { hash: 'SHA-512', name: 'sha512', length: 64, password: 'secret', hmac: 'webcrypto' },
    { hash: 'SHA-1', name: 'sha1', length: 45, password: 'secret', hmac: 'chain' },
    { hash: 'SHA-1', name: 'sha1', length: 45, password: 'secret', hmac: 'webcrypto' },
    { hash: 'SHA-1', name: 'sha1', length: 20, password: '', hmac: 'chain' },
  ] as const)(
    'gives $hash PBKDF2 of $length bytes on the $hmac HMAC as Node computes it',
    async ({ hash, name, length, password, hmac }) => {
      const iterations = 100_003

      const bare = await continuedPbkdf2(
        hash,
        encode(password),
        encode('salty'),
        iterations,
        length,
        hmac,
      )

      const expected = pbkdf2Sync(password, 'salty', iterations, length, name)
      expect(Buffer.from(bare).toString('hex')).toBe(expected.toString('hex'))
    },
  )
})
