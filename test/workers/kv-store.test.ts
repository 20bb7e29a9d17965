import { env } from 'cloudflare:workers'
import { expect, it } from 'vitest'
import { KvTarget, kvBindingWriter } from '../../infra/import/kv-target'
import { KvStore, kvKeyFor } from '../../shared/store/kv-store'
import { StoreError } from '../../shared/store/user-store'
import { parseUsers } from '../../shared/store/users-file'
import { CONTRACT_USERS, storeContract } from '../stores/store-contract'

// Seeded through the import target's binding writer, and every time again, so the
// contract also holds for a store imported more than once.
storeContract('KvStore', async () => {
  const { users } = parseUsers(CONTRACT_USERS)
  await new KvTarget(kvBindingWriter(env.USERS_KV)).write(users)
  return new KvStore(env.USERS_KV)
})

it('finds users with a cacheTtl set', async () => {
  await new KvTarget(kvBindingWriter(env.USERS_KV)).write([{ username: 'ttl', status: 'active' }])

  const store = new KvStore(env.USERS_KV, { cacheTtl: 60 })

  expect(await store.findUser('ttl')).toEqual({ username: 'ttl', status: 'active' })
})

it('throws a StoreError for a malformed stored record', async () => {
  await env.USERS_KV.put(kvKeyFor('broken'), '{"status":"active"}')

  const lookup = new KvStore(env.USERS_KV).findUser('broken')

  await expect(lookup).rejects.toThrow(StoreError)
})
