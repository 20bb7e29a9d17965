import { argon2dAsync, argon2iAsync, argon2idAsync } from '@noble/hashes/argon2.js'
import { md5, sha1 } from '@noble/hashes/legacy.js'
import { scryptAsync } from '@noble/hashes/scrypt.js'
import { sha256, sha384, sha512 } from '@noble/hashes/sha2.js'
import { type ChainHash, continuePbkdf2Blocks } from '../shared/passwords/hmac-chain'
import { nodeCrypto } from '../shared/passwords/node-crypto'
import { MAX_WEBCRYPTO_PBKDF2_ITERATIONS, type Pbkdf2Hash } from '../shared/passwords/pbkdf2-derive'
import { SHA1_CHAIN } from '../shared/passwords/sha1-compress'
import { SHA256_CHAIN } from '../shared/passwords/sha256-compress'

// Every function here calls a library or the runtime directly, never the project's
// verifiers or their helpers (one exception: see chainContinued): they are what the
// verifiers are measured against.

type Bytes = Uint8Array<ArrayBuffer>
type HashName = 'md5' | 'sha1' | 'sha256' | 'sha384' | 'sha512'

const NOBLE = { md5, sha1, sha256, sha384, sha512 }
const DIGEST_BYTES = { 'SHA-1': 20, 'SHA-256': 32, 'SHA-512': 64 }

/** The synchronous hash the crypt formats run on: `crypto.hash` on Node, else noble. */
export function bareSyncHash(name: HashName): (data: Uint8Array) => Uint8Array {
  const node = nodeCrypto()
  return node ? (data) => node.hash(name, data, 'buffer') : NOBLE[name]
}

/**
 * The digests of the crypt formats' stretching loop, on inputs of the lengths each round
 * hashes (`size` digest bytes, `p` password bytes twice or once, `s` salt bytes in two
 * rounds of three), each input starting with the previous digest so none can be skipped.
 */
export function bareCryptChain(name: HashName, size: number, p: number, s: number, rounds: number) {
  const hash = bareSyncHash(name)
  const buffer = new Uint8Array(size + s + 2 * p)
  let digest: Uint8Array = buffer.subarray(0, size)
  for (let round = 0; round < rounds; round++) {
    const length = size + p + (round % 3 ? s : 0) + (round % 7 ? p : 0)
    buffer.set(digest)
    digest = hash(buffer.subarray(0, length))
  }
  return digest
}

/** phpass's loop: `count` MD5s of the previous digest and the password's `p` bytes. */
export function bareMd5Chain(p: number, count: number) {
  const hash = bareSyncHash('md5')
  const buffer = new Uint8Array(16 + p)
  for (let i = 0; i < count; i++) {
    buffer.set(hash(buffer))
  }
  return buffer
}

async function webcryptoPbkdf2(
  hash: Pbkdf2Hash,
  password: Bytes,
  salt: Bytes,
  iterations: number,
  bits: number,
) {
  const key = await crypto.subtle.importKey('raw', password, 'PBKDF2', false, ['deriveBits'])
  return crypto.subtle.deriveBits({ name: 'PBKDF2', hash, salt, iterations }, key, bits)
}

/**
 * The bare PBKDF2 calls a verifier makes in this runtime: one WebCrypto `deriveBits` up
 * to 100,000 iterations; above it Node's `pbkdf2`, and in Workers PBKDF2 continued past
 * the cap (`continuedPbkdf2`).
 */
export async function barePbkdf2(
  hash: Pbkdf2Hash,
  password: Bytes,
  salt: Bytes,
  iterations: number,
  length: number,
): Promise<unknown> {
  if (iterations <= MAX_WEBCRYPTO_PBKDF2_ITERATIONS) {
    return webcryptoPbkdf2(hash, password, salt, iterations, length * 8)
  }
  const node = nodeCrypto()
  if (node) {
    const name = hash.replace('-', '').toLowerCase()
    return new Promise((resolve, reject) =>
      node.pbkdf2(password, salt, iterations, length, name, (error, key) =>
        error ? reject(error) : resolve(key),
      ),
    )
  }
  return continuedPbkdf2(hash, password, salt, iterations, length)
}

/**
 * PBKDF2 past WebCrypto's cap: the capped `deriveBits` and the one before it, whose XOR is
 * the cap's U, then per further iteration and block one HMAC and its XOR into the block's
 * sum, which PBKDF2 needs as much as the HMAC itself. The HMAC is WebCrypto's for SHA-512,
 * with whole words XORed, the cheapest way to read its output, and for SHA-1 and SHA-256
 * the chain of `chainContinued` (`hmac` chooses WebCrypto's for those too, for
 * bench/pbkdf2-cap-worker.ts to compare). There is no shorter way to compute it, so this
 * mirrors the verifiers' own continuation in shared/passwords/pbkdf2-derive.ts step for
 * step, written apart but for the chain so that the bench times the verifiers' parsing
 * and dispatch, not its own; test/bench/bare-pbkdf2.test.ts checks it against Node's
 * PBKDF2.
 */
export async function continuedPbkdf2(
  hash: Pbkdf2Hash,
  password: Bytes,
  salt: Bytes,
  iterations: number,
  length: number,
  hmac: 'webcrypto' | 'chain' = hash === 'SHA-512' ? 'webcrypto' : 'chain',
): Promise<Uint8Array> {
  const blockBytes = DIGEST_BYTES[hash]
  const bits = Math.ceil(length / blockBytes) * blockBytes * 8
  const head = MAX_WEBCRYPTO_PBKDF2_ITERATIONS
  const sumBuffer = await webcryptoPbkdf2(hash, password, salt, head, bits)
  const beforeBuffer = await webcryptoPbkdf2(hash, password, salt, head - 1, bits)
  const chain = { 'SHA-1': SHA1_CHAIN, 'SHA-256': SHA256_CHAIN, 'SHA-512': undefined }[hash]
  if (hmac === 'chain' && chain) {
    return chainContinued(chain, password, sumBuffer, beforeBuffer, iterations - head, length)
  }
  const sum = new Int32Array(sumBuffer)
  const before = new Int32Array(beforeBuffer)
  const keyBytes = password.length > 0 ? password : new Uint8Array(1)
  const key = await crypto.subtle.importKey('raw', keyBytes, { name: 'HMAC', hash }, false, [
    'sign',
  ])
  const words = blockBytes / 4
  for (let start = 0; start < sum.length; start += words) {
    let u: ArrayBuffer = sum
      .slice(start, start + words)
      .map((word, i) => word ^ (before[start + i] as number)).buffer
    for (let round = head; round < iterations; round++) {
      u = await crypto.subtle.sign('HMAC', key, u)
      const next = new Int32Array(u)
      for (let i = 0; i < words; i++)
        sum[start + i] = (sum[start + i] as number) ^ (next[i] as number)
    }
  }
  return new Uint8Array(sum.buffer, 0, length)
}

/**
 * The SHA-1 and SHA-256 continuation's primitive: the project's own HMAC chain and the
 * loop that feeds it PBKDF2's blocks, the one helper of the verifiers this file calls,
 * since no library or runtime call computes the chain as fast
 * (shared/passwords/hmac-chain.ts), continued from WebCrypto's sums.
 */
async function chainContinued(
  chain: ChainHash,
  password: Bytes,
  sumBuffer: ArrayBuffer,
  beforeBuffer: ArrayBuffer,
  rounds: number,
  length: number,
): Promise<Uint8Array> {
  const sum = new Uint8Array(sumBuffer)
  await continuePbkdf2Blocks(chain, password, sum, new Uint8Array(beforeBuffer), rounds)
  return sum.subarray(0, length)
}

/** The bare scrypt call: Node's native one on Node, @noble/hashes elsewhere. */
export function bareScrypt(
  password: Uint8Array,
  salt: Uint8Array,
  N: number,
  r: number,
  p: number,
) {
  const node = nodeCrypto()
  const maxmem = 128 * r * (N + p + 2) + 1024 * 1024
  if (!node) {
    return scryptAsync(password, salt, { N, r, p, dkLen: 32, maxmem })
  }
  return new Promise((resolve, reject) =>
    node.scrypt(password, salt, 32, { N, r, p, maxmem }, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  )
}

/** The bare argon2 call of @noble/hashes for a PHC string's parameters, parsed once. */
export function bareArgon2(password: string, phc: string): () => Promise<unknown> {
  const [type, ...fields] = phc
    .replace(/^argon2\$/, '$')
    .split('$')
    .slice(1) as string[]
  const [salt, hash] = fields.slice(-2) as [string, string]
  const numbers = Object.fromEntries(
    fields
      .slice(0, -2)
      .join(',')
      .split(',')
      .map((pair) => pair.split('=') as [string, string]),
  )
  const decode = (text: string) => Uint8Array.from(atob(text), (char) => char.charCodeAt(0))
  const derive = { argon2id: argon2idAsync, argon2i: argon2iAsync, argon2d: argon2dAsync }
  const run = derive[type as keyof typeof derive]
  const [key, saltBytes] = [new TextEncoder().encode(password), decode(salt)]
  const options = {
    m: Number(numbers.m),
    t: Number(numbers.t),
    p: Number(numbers.p),
    version: Number(numbers.v ?? 0x10),
    dkLen: decode(hash).length,
  }
  return () => run(key, saltBytes, options)
}

/** A bare digest: `crypto.hash` on Node; in Workers WebCrypto for SHA, noble for MD5. */
export async function bareDigest(name: HashName, data: Bytes): Promise<unknown> {
  if (nodeCrypto() || name === 'md5') {
    return bareSyncHash(name)(data)
  }
  const webcrypto = { sha1: 'SHA-1', sha256: 'SHA-256', sha384: 'SHA-384', sha512: 'SHA-512' }
  return crypto.subtle.digest(webcrypto[name], data)
}
