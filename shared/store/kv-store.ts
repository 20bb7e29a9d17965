import type { KVNamespace } from '@cloudflare/workers-types'
import { parseUserRecord } from './user-record'
import { StoreError, type UserRecord, type UserStore } from './user-store'

/** Every key the store reads starts with this, so the namespace can hold other data too. */
export const KV_KEY_PREFIX = 'user:'

/** Workers KV refuses a key longer than this many UTF-8 bytes, for reads and writes alike. */
export const MAX_KV_KEY_BYTES = 512

const utf8 = new TextEncoder()

/** How many bytes a key takes against `MAX_KV_KEY_BYTES`. */
export function kvKeyBytes(key: string): number {
  return utf8.encode(key).length
}

/**
 * The key under which a user is stored for one normalized identifier. A user with aliases
 * is stored once per identifier, each copy holding the whole record, so any lookup costs
 * one KV read. KV keys are at most 512 bytes, fewer than a 320-character identifier of
 * multibyte characters takes.
 */
export function kvKeyFor(identifier: string): string {
  return `${KV_KEY_PREFIX}${identifier}`
}

export interface KvStoreOptions {
  /**
   * Seconds a Cloudflare location keeps a read value in its cache. KV's minimum is 30;
   * longer means fewer slow reads and a later view of imported changes. Off by default.
   */
  cacheTtl?: number
}

/**
 * Looks users up in Workers KV, written there by the import tool (`--to kv`). Eventually
 * consistent: a change is visible everywhere within about 60 s, longer with `cacheTtl`.
 */
export class KvStore implements UserStore {
  readonly #namespace: KVNamespace
  readonly #cacheTtl: number | undefined

  constructor(namespace: KVNamespace, options: KvStoreOptions = {}) {
    this.#namespace = namespace
    this.#cacheTtl = options.cacheTtl
  }

  async findUser(identifier: string): Promise<UserRecord | undefined> {
    // No user can be stored under a key KV refuses, and reading one would throw: an
    // unknown user, not an outage. A UTF-16 unit takes at most 3 UTF-8 bytes, so only a
    // key of over 170 units needs encoding to tell.
    const key = kvKeyFor(identifier)
    if (key.length * 3 > MAX_KV_KEY_BYTES && kvKeyBytes(key) > MAX_KV_KEY_BYTES) return undefined

    let stored: unknown
    try {
      const options = this.#cacheTtl === undefined ? {} : { cacheTtl: this.#cacheTtl }
      stored = await this.#namespace.get(key, { ...options, type: 'json' })
    } catch (cause) {
      throw new StoreError('Workers KV read failed', { cause })
    }

    if (stored === null) return undefined
    try {
      return parseUserRecord(stored)
    } catch (cause) {
      throw new StoreError('a user stored in Workers KV is malformed; import it again', {
        cause,
      })
    }
  }
}
