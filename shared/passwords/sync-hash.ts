import type { CHash } from '@noble/hashes/utils.js'
import { nodeCrypto } from './node-crypto'

/** The hash functions the crypt formats and LDAP digests run on. */
export type SyncHashName = 'md5' | 'sha1' | 'sha256' | 'sha384' | 'sha512'

/** A digest fed in pieces. */
export interface HashStream {
  update(data: Uint8Array): HashStream
  digest(): Uint8Array
}

/** A synchronous digest: of `data` in one call, or fed in pieces through `create()`. */
export interface SyncHash {
  (data: Uint8Array): Uint8Array
  /** Starts a digest fed in pieces, for input that would be too large to join first. */
  create(): HashStream
}

let nobleHashes: Promise<Record<SyncHashName, CHash>> | undefined

async function loadNoble(): Promise<Record<SyncHashName, CHash>> {
  const [legacy, sha2] = await Promise.all([
    import('@noble/hashes/legacy.js'),
    import('@noble/hashes/sha2.js'),
  ])
  return {
    md5: legacy.md5,
    sha1: legacy.sha1,
    sha256: sha2.sha256,
    sha384: sha2.sha384,
    sha512: sha2.sha512,
  }
}

/**
 * A synchronous hash, which the crypt formats need for their thousands of chained
 * digests (WebCrypto's are asynchronous, an event-loop turn each). On Node it is
 * `crypto.hash` of `node:crypto`, native and without the Hash object that `createHash`
 * builds per digest (compare the sha512-crypt rows of `npm run bench:hashes` on Node and
 * in workerd). Elsewhere it is @noble/hashes, imported on first use so that a cold start
 * never evaluates it.
 */
export async function loadSyncHash(name: SyncHashName): Promise<SyncHash> {
  const node = nodeCrypto()
  if (node) {
    const hash = (data: Uint8Array) => node.hash(name, data, 'buffer')
    return Object.assign(hash, { create: () => node.createHash(name) })
  }
  nobleHashes ??= loadNoble()
  return (await nobleHashes)[name]
}
