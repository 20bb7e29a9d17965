import { env } from 'cloudflare:workers'
import { expect, it } from 'vitest'
import { D1Target, d1BindingWriter } from '../../infra/import/d1-target'
import { D1Store } from '../../shared/store/d1-store'
import { StoreError } from '../../shared/store/user-store'
import { parseUsers } from '../../shared/store/users-file'
import { CONTRACT_USERS, storeContract } from '../stores/store-contract'

// Seeded through the import target's binding writer, and every time again, so the
// contract also holds for a store imported more than once.
storeContract('D1Store', async () => {
  const { users } = parseUsers(CONTRACT_USERS)
  await new D1Target(d1BindingWriter(env.USERS_DB)).write(users)
  return new D1Store(env.USERS_DB)
})

it('moves an alias to the user that claims it in a later import', async () => {
  const target = new D1Target(d1BindingWriter(env.USERS_DB))
  await target.write([{ username: 'old@example.com', aliases: ['shared'], status: 'active' }])

  await target.write([{ username: 'new@example.com', aliases: ['shared'], status: 'active' }])

  const store = new D1Store(env.USERS_DB)
  expect((await store.findUser('shared'))?.username).toBe('new@example.com')
  expect(await store.findUser('old@example.com')).toEqual({
    username: 'old@example.com',
    status: 'active',
  })
})

it('throws a StoreError when the schema is missing', async () => {
  await env.USERS_DB.exec('DROP TABLE identifiers')

  const lookup = new D1Store(env.USERS_DB).findUser('jane@example.com')

  await expect(lookup).rejects.toThrow(StoreError)
})
