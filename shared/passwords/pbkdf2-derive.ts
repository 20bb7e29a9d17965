import type { ShaName } from './digest'
import type { ChainHash } from './hmac-chain'
import { nodeCrypto } from './node-crypto'
import { InvalidHashError } from './verifier'

/**
 * Deployed Cloudflare Workers reject WebCrypto PBKDF2 above 100,000 iterations (local
 * workerd does not), so no call above this ever goes to `crypto.subtle.deriveBits`.
 */
export const MAX_WEBCRYPTO_PBKDF2_ITERATIONS = 100_000

/**
 * The most PBKDF2 iterations a hash may ask for: twice Django 5.2's 1,000,000, so later
 * Django defaults still verify. At the cap Node's native PBKDF2-SHA256 takes about 0.43 s
 * (scaled from the pbkdf2-sha256-django row of `npm run bench:hashes`). In workerd
 * PBKDF2-SHA256 takes about 2.0 s there and 0.95 s for Django 5.2's hashes, SHA-1 1.7 s
 * and SHA-512 7.3 s (`npm run bench:pbkdf2-cap`); see docs/password-formats.md.
 */
export const MAX_PBKDF2_ITERATIONS = 2_000_000

/** The PBKDF2 hash functions the supported formats use. */
export type Pbkdf2Hash = Exclude<ShaName, 'SHA-384'>

const NODE_HASHES = { 'SHA-1': 'sha1', 'SHA-256': 'sha256', 'SHA-512': 'sha512' }
const DIGEST_BYTES = { 'SHA-1': 20, 'SHA-256': 32, 'SHA-512': 64 }

/**
 * The compression function of a hash continued past WebCrypto's cap on the project's own
 * HMAC chain. SHA-512, whose 64-bit words JavaScript has no fast arithmetic for, stays on
 * WebCrypto's HMAC. Imported on first use: only Workers continue this way, and a Lambda
 * cold start need not load it (3.3 KiB of the entry, `npm run build:aws`).
 */
async function loadChainHash(hash: Pbkdf2Hash): Promise<ChainHash | undefined> {
  if (hash === 'SHA-1') return (await import('./sha1-compress')).SHA1_CHAIN
  if (hash === 'SHA-256') return (await import('./sha256-compress')).SHA256_CHAIN
  return undefined
}

type Bytes = Uint8Array<ArrayBuffer>

/** One PBKDF2 derivation: `length` bytes from `password` and `salt`. */
interface Pbkdf2Job {
  hash: Pbkdf2Hash
  password: Bytes
  salt: Bytes
  iterations: number
  length: number
}

/**
 * Throws `InvalidHashError` unless `iterations` is a whole number from 1 to
 * `MAX_PBKDF2_ITERATIONS`. A verifier calls it while it parses its hash, before
 * `derivePbkdf2`.
 */
export function checkPbkdf2Iterations(iterations: number): void {
  if (!Number.isSafeInteger(iterations) || iterations < 1) {
    throw new InvalidHashError('PBKDF2 iteration count is not a positive integer')
  }
  if (iterations > MAX_PBKDF2_ITERATIONS) {
    throw new InvalidHashError(
      `PBKDF2 iteration count ${iterations} is above the limit of ${MAX_PBKDF2_ITERATIONS}`,
    )
  }
}

/**
 * PBKDF2 (RFC 8018) with the fastest primitive the runtime allows: WebCrypto up to
 * `MAX_WEBCRYPTO_PBKDF2_ITERATIONS`; above that Node's native PBKDF2 on Node, and in
 * Workers WebCrypto for the first iterations, continued by `continuedPbkdf2`.
 * `iterations` must have passed `checkPbkdf2Iterations`.
 */
export async function derivePbkdf2(
  hash: Pbkdf2Hash,
  password: Bytes,
  salt: Bytes,
  iterations: number,
  length: number,
): Promise<Uint8Array> {
  const job = { hash, password, salt, iterations, length }
  if (iterations <= MAX_WEBCRYPTO_PBKDF2_ITERATIONS) {
    return webcryptoPbkdf2(job)
  }
  const node = nodeCrypto()
  if (node) {
    return new Promise((resolve, reject) => {
      node.pbkdf2(password, salt, iterations, length, NODE_HASHES[hash], (error, key) =>
        error ? reject(error) : resolve(new Uint8Array(key)),
      )
    })
  }
  return continuedPbkdf2(job)
}

async function webcryptoPbkdf2(job: Pbkdf2Job): Promise<Bytes> {
  const { hash, password, salt, iterations, length } = job
  const key = await crypto.subtle.importKey('raw', password, 'PBKDF2', false, ['deriveBits'])
  const params = { name: 'PBKDF2', hash, salt, iterations }
  return new Uint8Array(await crypto.subtle.deriveBits(params, key, length * 8))
}

/**
 * PBKDF2 past WebCrypto's cap. Each output block is U1 ^ U2 ^ … ^ Uc with
 * U(n) = HMAC(password, U(n-1)). WebCrypto gives the sums up to the cap and one short of
 * it; their XOR is the cap's U, from which HMAC continues. SHA-256 (Django's default
 * hasher, past the cap since Django 2.1's 120,000 iterations; 1,000,000 in 5.2) and SHA-1
 * continue on the project's own HMAC chain, SHA-512 on one WebCrypto HMAC per iteration,
 * the event loop free between them.
 */
async function continuedPbkdf2(job: Pbkdf2Job): Promise<Uint8Array> {
  const { hash, password, iterations, length } = job
  // Whole blocks, so that the last block's U values are complete too.
  const blockBytes = DIGEST_BYTES[hash]
  const fullLength = Math.ceil(length / blockBytes) * blockBytes
  const head = MAX_WEBCRYPTO_PBKDF2_ITERATIONS
  const sum = await webcryptoPbkdf2({ ...job, iterations: head, length: fullLength })
  const previous = await webcryptoPbkdf2({ ...job, iterations: head - 1, length: fullLength })
  const chain = await loadChainHash(hash)
  if (chain) {
    const { continuePbkdf2Blocks } = await import('./hmac-chain')
    await continuePbkdf2Blocks(chain, password, sum, previous, iterations - head)
    return sum.slice(0, length)
  }
  // workerd refuses a zero-length HMAC key. HMAC pads any key shorter than its block with
  // zero bytes (RFC 2104), so the one byte 0x00 is the same key as none at all.
  const keyBytes = password.length > 0 ? password : new Uint8Array(1)
  const hmacKey = await crypto.subtle.importKey('raw', keyBytes, { name: 'HMAC', hash }, false, [
    'sign',
  ])

  // This loop runs once per HMAC of about 2 µs, 160,000 times for Django's 260,000
  // iterations, so it reads each output through a view instead of copying it, and XORs
  // 32-bit words: digests are 20, 32 or 64 bytes, and byte order does not matter to XOR.
  const blockWords = blockBytes / 4
  const sumWords = new Int32Array(sum.buffer, sum.byteOffset, fullLength / 4)
  const previousWords = new Int32Array(previous.buffer, previous.byteOffset, fullLength / 4)
  for (let start = 0; start < fullLength / 4; start += blockWords) {
    const first = new Int32Array(blockWords)
    for (let i = 0; i < blockWords; i++) {
      first[i] = (sumWords[start + i] as number) ^ (previousWords[start + i] as number)
    }
    let u: ArrayBuffer = first.buffer
    for (let round = head; round < iterations; round++) {
      u = await crypto.subtle.sign('HMAC', hmacKey, u)
      const words = new Int32Array(u)
      for (let i = 0; i < blockWords; i++) {
        sumWords[start + i] = (sumWords[start + i] as number) ^ (words[i] as number)
      }
    }
  }
  return sum.slice(0, length)
}
