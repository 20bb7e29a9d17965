import type { KVNamespace } from '@cloudflare/workers-types'
import { KV_KEY_PREFIX, kvKeyBytes, kvKeyFor, MAX_KV_KEY_BYTES } from '../../shared/store/kv-store'
import { identifiersOf } from '../../shared/store/user-record'
import type { UserRecord } from '../../shared/store/user-store'
import { type ImportTarget, namedFieldsOf } from './target'

/** One key-value pair, in the shape `wrangler kv bulk put` reads. */
export interface KvEntry {
  key: string
  value: string
}

/** Writes pairs to a KV namespace, through a binding or through wrangler. */
export type KvWriter = (entries: readonly KvEntry[]) => Promise<void>

/**
 * The pairs that store `users` for `KvStore`: one per identifier, each holding the whole
 * record. Writing a pair again replaces it, so an import can run twice.
 */
export function kvEntriesFor(users: readonly UserRecord[]): KvEntry[] {
  return users.flatMap((user) => {
    const value = JSON.stringify(user)
    return identifiersOf(user).map((id) => ({ key: kvKeyFor(id), value }))
  })
}

/**
 * Imports users into Workers KV. An identifier dropped from a user's aliases keeps its old
 * key until deleted (`wrangler kv key delete`): KV has no query to find it.
 */
export class KvTarget implements ImportTarget {
  readonly batchSize: number
  readonly #writer: KvWriter

  // 1,000 users make at most a few thousand pairs, below wrangler's 10,000 per bulk put.
  constructor(writer: KvWriter, batchSize = 1000) {
    this.#writer = writer
    this.batchSize = batchSize
  }

  async write(users: readonly UserRecord[]): Promise<void> {
    await this.#writer(kvEntriesFor(users))
  }

  // An identifier may be 320 characters, up to 3 bytes each: its key can pass 512 bytes,
  // and KV would refuse the key in the middle of a bulk put, after earlier batches.
  refusalOf(user: UserRecord): string | undefined {
    for (const [field, value] of namedFieldsOf(user)) {
      if (field === 'passwordHash') continue
      const bytes = kvKeyBytes(kvKeyFor(value))
      if (bytes > MAX_KV_KEY_BYTES) {
        return `${field} makes a KV key of ${bytes} bytes (UTF-8, with its "${KV_KEY_PREFIX}" prefix); Workers KV takes at most ${MAX_KV_KEY_BYTES}`
      }
    }
    return undefined
  }
}

/** Writes through a bound namespace, from inside a Worker or a Miniflare test. */
export function kvBindingWriter(namespace: KVNamespace): KvWriter {
  return async (entries) => {
    await Promise.all(entries.map(({ key, value }) => namespace.put(key, value)))
  }
}
