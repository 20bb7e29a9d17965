import { pbkdf2Sync } from 'node:crypto'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { type ChainHash, continueHmacChain } from '../../shared/passwords/hmac-chain'
import { SHA1_CHAIN } from '../../shared/passwords/sha1-compress'
import { SHA256_CHAIN } from '../../shared/passwords/sha256-compress'

// Node's PBKDF2 (OpenSSL) is the reference: PBKDF2 with one iteration gives U1, and the
// chain continued for n - 1 more must equal PBKDF2 with n iterations.
const CHAINS: [string, ChainHash, string][] = [
  ['SHA-1', SHA1_CHAIN, 'sha1'],
  ['SHA-256', SHA256_CHAIN, 'sha256'],
]

const wordsOf = (bytes: Uint8Array) => {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  return Int32Array.from({ length: bytes.length / 4 }, (_, i) => view.getInt32(i * 4))
}
const bytesOf = (words: Int32Array) => {
  const bytes = Buffer.alloc(words.length * 4)
  for (const [i, word] of words.entries()) bytes.writeInt32BE(word, i * 4)
  return bytes
}

describe.each(CHAINS)('the %s HMAC chain that continues PBKDF2', (_, chain, nodeName) => {
  const length = chain.digestWords * 4

  it('continues PBKDF2 to the result of Node for any key of up to 64 bytes', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 64 }),
        fc.uint8Array({ maxLength: 40 }),
        fc.integer({ min: 1, max: 300 }),
        async (key, salt, iterations) => {
          const first = wordsOf(pbkdf2Sync(key, salt, 1, length, nodeName))
          const sum = first.slice()

          await continueHmacChain(chain, key, first.slice(), sum, iterations - 1)

          expect(bytesOf(sum)).toEqual(pbkdf2Sync(key, salt, iterations, length, nodeName))
        },
      ),
      { numRuns: 200 },
    )
  })

  it('gives the same result across its turns of the event loop', async () => {
    const key = new TextEncoder().encode('pässwörd')
    const salt = new TextEncoder().encode('salt')
    const first = wordsOf(pbkdf2Sync(key, salt, 1, length, nodeName))
    const sum = first.slice()

    // More than one turn's worth of iterations.
    await continueHmacChain(chain, key, first.slice(), sum, 120_000)

    expect(bytesOf(sum)).toEqual(pbkdf2Sync(key, salt, 120_001, length, nodeName))
  })

  it('lets a timer run while a long derivation is under way', async () => {
    const words = new Int32Array(chain.digestWords)
    let isChainDone = false
    const timerRan = new Promise<boolean>((resolve) => setTimeout(() => resolve(!isChainDone), 0))

    await continueHmacChain(chain, new Uint8Array(8), words, words.slice(), 150_000)
    isChainDone = true

    expect(await timerRan).toBe(true)
  })

  it('refuses a key longer than one block, which HMAC would hash first', async () => {
    const words = new Int32Array(chain.digestWords)

    const continued = continueHmacChain(chain, new Uint8Array(65), words, words.slice(), 1)

    await expect(continued).rejects.toThrow(RangeError)
  })
})
