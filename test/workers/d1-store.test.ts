import { env } from 'cloudflare:workers'
import { expect, it } from 'vitest'
import { D1Target, d1BindingWriter } from '../../infra/import/d1-target'
import { D1Store } from '../../shared/store/d1-store'
import { StoreError } from '../../shared/store/user-store'
import { describeUserStoreContract } from '../stores/store-contract'

describeUserStoreContract('D1Store', async (users) => {
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
