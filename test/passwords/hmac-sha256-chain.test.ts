import { pbkdf2Sync } from 'node:crypto'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { continueHmacSha256Chain } from '../../shared/passwords/hmac-sha256-chain'

// Node's PBKDF2 (OpenSSL) is the reference: PBKDF2 with one iteration gives U1, and the
// chain continued for n - 1 more must equal PBKDF2 with n iterations.
const wordsOf = (bytes: Uint8Array) => {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  return Int32Array.from({ length: 8 }, (_, i) => view.getInt32(i * 4))
}
const bytesOf = (words: Int32Array) => {
  const bytes = Buffer.alloc(words.length * 4)
  for (const [i, word] of words.entries()) bytes.writeInt32BE(word, i * 4)
  return bytes
}

describe('the HMAC-SHA256 chain that continues PBKDF2', () => {
  it('continues PBKDF2-HMAC-SHA256 to the result of Node for any key of up to 64 bytes', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 64 }),
        fc.uint8Array({ maxLength: 40 }),
        fc.integer({ min: 1, max: 300 }),
        async (key, salt, iterations) => {
          const first = wordsOf(pbkdf2Sync(key, salt, 1, 32, 'sha256'))
          const u = first.slice()
          const sum = first.slice()

          await continueHmacSha256Chain(key, u, sum, iterations - 1)

          expect(bytesOf(sum)).toEqual(pbkdf2Sync(key, salt, iterations, 32, 'sha256'))
        },
      ),
      { numRuns: 200 },
    )
  })

  it('gives the same result across its turns of the event loop', async () => {
    const key = new TextEncoder().encode('pässwörd')
    const salt = new TextEncoder().encode('salt')
    const first = wordsOf(pbkdf2Sync(key, salt, 1, 32, 'sha256'))
    const sum = first.slice()

    // More than one turn's worth of iterations.
    await continueHmacSha256Chain(key, first.slice(), sum, 120_000)

    expect(bytesOf(sum)).toEqual(pbkdf2Sync(key, salt, 120_001, 32, 'sha256'))
  })

  it('refuses a key longer than one block, which HMAC would hash first', async () => {
    const chain = continueHmacSha256Chain(
      new Uint8Array(65),
      new Int32Array(8),
      new Int32Array(8),
      1,
    )

    await expect(chain).rejects.toThrow(RangeError)
  })
})
