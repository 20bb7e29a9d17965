import { WebhookError } from '../../shared/protocol/errors'
import { D1Store } from '../../shared/store/d1-store'
import { KvStore } from '../../shared/store/kv-store'
import type { UserStore } from '../../shared/store/user-store'

/** The binding each `USER_STORE` value reads, as declared in wrangler.toml. */
export const STORE_BINDINGS = {
  kv: { binding: 'USERS_KV', section: '[[kv_namespaces]]' },
  d1: { binding: 'USERS_DB', section: '[[d1_databases]]' },
} as const

/** The store the Worker reads, or why there is none, in words that say how to fix it. */
export type WorkerStore = { store: UserStore } | { problem: string }

/**
 * Picks the user store named by the `USER_STORE` var (`kv` or `d1`). Without the var, the
 * one store that is bound is used.
 */
export function storeFromEnv(env: Env): WorkerStore {
  // Read as optional: a deployment keeps only the binding it uses in wrangler.toml, and
  // then neither workerd's env nor the generated Env has the other one.
  const config = env as { USERS_KV?: KVNamespace; USERS_DB?: D1Database; USER_STORE?: string }
  const kv = config.USERS_KV
  const d1 = config.USERS_DB
  const named = config.USER_STORE?.trim() || (kv && !d1 ? 'kv' : d1 && !kv ? 'd1' : '')

  if (named === 'kv' && kv) return { store: new KvStore(kv) }
  if (named === 'd1' && d1) return { store: new D1Store(d1) }

  if (named === 'kv' || named === 'd1') {
    const { binding, section } = STORE_BINDINGS[named]
    return {
      problem: `USER_STORE is "${named}" but nothing is bound as ${binding}; add a ${section} binding named ${binding} to wrangler.toml and deploy again.`,
    }
  }
  return {
    problem: `No user store is configured; set the var USER_STORE to "kv" or "d1" in wrangler.toml and bind USERS_KV or USERS_DB.`,
  }
}

/** Stands in for a missing store: every lookup answers 503 with the fix in its message. */
export class UnconfiguredStore implements UserStore {
  readonly #problem: string

  constructor(problem: string) {
    this.#problem = problem
  }

  async findUser(): Promise<never> {
    throw new WebhookError('store_unavailable', this.#problem)
  }
}
