import { argon2dAsync, argon2iAsync, argon2idAsync } from '@noble/hashes/argon2.js'
import { md5 } from '@noble/hashes/legacy.js'
import { scryptAsync } from '@noble/hashes/scrypt.js'
import { utf8 } from '../shared/passwords/bytes'
import type { ShaName } from '../shared/passwords/digest'
import { nodeCrypto } from '../shared/passwords/node-crypto'
import {
  derivePbkdf2,
  MAX_WEBCRYPTO_PBKDF2_ITERATIONS,
  type Pbkdf2Hash,
} from '../shared/passwords/pbkdf2-derive'

type Bytes = Uint8Array<ArrayBuffer>

/** The bare PBKDF2 call a verifier rests on in this runtime, without any parsing. */
export async function barePbkdf2(
  hash: Pbkdf2Hash,
  password: Bytes,
  salt: Bytes,
  iterations: number,
  length: number,
): Promise<unknown> {
  const node = nodeCrypto()
  if (iterations <= MAX_WEBCRYPTO_PBKDF2_ITERATIONS || !node) {
    if (iterations > MAX_WEBCRYPTO_PBKDF2_ITERATIONS) {
      // Workers have no single call for this: the capped WebCrypto call continued with HMAC.
      return derivePbkdf2(hash, password, salt, iterations, length)
    }
    const key = await crypto.subtle.importKey('raw', password, 'PBKDF2', false, ['deriveBits'])
    return crypto.subtle.deriveBits({ name: 'PBKDF2', hash, salt, iterations }, key, length * 8)
  }
  const name = hash.replace('-', '').toLowerCase()
  return new Promise((resolve, reject) =>
    node.pbkdf2(password, salt, iterations, length, name, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  )
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

/** The bare argon2 call of @noble/hashes for a PHC string's parameters. */
export function bareArgon2(password: string, phc: string): Promise<unknown> {
  const [, type, version, params, salt, hash] = phc.split('$') as string[]
  const numbers = Object.fromEntries(
    `${version},${params}`.split(',').map((pair) => pair.split('=') as [string, string]),
  )
  const decode = (text: string) => Uint8Array.from(atob(text), (char) => char.charCodeAt(0))
  const derive = { argon2id: argon2idAsync, argon2i: argon2iAsync, argon2d: argon2dAsync }
  return derive[type as keyof typeof derive](utf8(password), decode(salt as string), {
    m: Number(numbers.m),
    t: Number(numbers.t),
    p: Number(numbers.p),
    version: Number(numbers.v),
    dkLen: decode(hash as string).length,
  })
}

/** A bare digest: Node's hash on Node, else WebCrypto for SHA; @noble/hashes for MD5. */
export async function bareDigest(algorithm: ShaName | 'MD5', data: Bytes): Promise<unknown> {
  const node = nodeCrypto()
  if (algorithm === 'MD5') {
    return md5(data)
  }
  if (node) {
    return node.createHash(algorithm.replace('-', '').toLowerCase()).update(data).digest()
  }
  return crypto.subtle.digest(algorithm, data)
}
