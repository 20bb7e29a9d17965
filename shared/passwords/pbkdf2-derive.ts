import { sha1 } from '@noble/hashes/legacy.js'
import { pbkdf2Async } from '@noble/hashes/pbkdf2.js'
import { sha256, sha512 } from '@noble/hashes/sha2.js'
import { nodeCrypto } from './node-crypto'
import { InvalidHashError } from './verifier'
import type { ShaName } from './webcrypto'

/**
 * Deployed Cloudflare Workers reject WebCrypto PBKDF2 above 100,000 iterations (local
 * workerd does not), so no call above this ever goes to `crypto.subtle`.
 */
export const MAX_WEBCRYPTO_PBKDF2_ITERATIONS = 100_000

/** Ten million rounds take seconds even natively: far past a webhook's 3 s budget. */
export const MAX_PBKDF2_ITERATIONS = 10_000_000

/** The PBKDF2 hash functions the supported formats use. */
export type Pbkdf2Hash = Exclude<ShaName, 'SHA-384'>

const NOBLE_HASHES = { 'SHA-1': sha1, 'SHA-256': sha256, 'SHA-512': sha512 }
const NODE_HASHES = { 'SHA-1': 'sha1', 'SHA-256': 'sha256', 'SHA-512': 'sha512' }

/**
 * PBKDF2 with the fastest primitive the runtime allows: WebCrypto up to
 * `MAX_WEBCRYPTO_PBKDF2_ITERATIONS`, above that Node's native PBKDF2 on Node and
 * @noble/hashes (pure JS, about 10x slower) in Workers.
 */
export async function derivePbkdf2(
  hash: Pbkdf2Hash,
  password: Uint8Array<ArrayBuffer>,
  salt: Uint8Array<ArrayBuffer>,
  iterations: number,
  length: number,
): Promise<Uint8Array> {
  if (!Number.isSafeInteger(iterations) || iterations < 1) {
    throw new InvalidHashError('PBKDF2 iteration count is not a positive integer')
  }
  if (iterations > MAX_PBKDF2_ITERATIONS) {
    throw new InvalidHashError(
      `PBKDF2 iteration count ${iterations} is above the limit of ${MAX_PBKDF2_ITERATIONS}`,
    )
  }

  if (iterations <= MAX_WEBCRYPTO_PBKDF2_ITERATIONS) {
    const key = await crypto.subtle.importKey('raw', password, 'PBKDF2', false, ['deriveBits'])
    const params = { name: 'PBKDF2', hash, salt, iterations }
    return new Uint8Array(await crypto.subtle.deriveBits(params, key, length * 8))
  }

  const node = nodeCrypto()
  if (node) {
    return new Promise((resolve, reject) => {
      node.pbkdf2(password, salt, iterations, length, NODE_HASHES[hash], (error, key) =>
        error ? reject(error) : resolve(new Uint8Array(key)),
      )
    })
  }
  return pbkdf2Async(NOBLE_HASHES[hash], password, salt, { c: iterations, dkLen: length })
}
