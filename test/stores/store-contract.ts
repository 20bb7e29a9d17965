import { describe, expect, it } from 'vitest'
import type { UserStore } from '../../shared/store/user-store'

/** Users as a users file holds them, not yet normalized. */
export const CONTRACT_USERS: readonly unknown[] = [
  {
    username: 'Jane.Doe@Example.com',
    aliases: ['+49 151 1234-5678', 'jane'],
    passwordHash: '$2b$10$WjX.C73GxmE7I0QFO8GlsOOm1yvsniuCQtruV.4eD5iK9wZRED2xG',
  },
  { username: 'blocked@example.com', passwordHash: '$2b$10$abc', status: 'blocked' },
  { username: 'nohash@example.com' },
]

/**
 * The behaviour every `UserStore` shares. `seededStore` returns a store holding
 * `CONTRACT_USERS`, loaded the way that store is loaded in real use.
 */
export function storeContract(name: string, seededStore: () => Promise<UserStore>): void {
  describe(`${name} as a UserStore`, () => {
    it('finds a user by its normalized username', async () => {
      const store = await seededStore()

      const user = await store.findUser('jane.doe@example.com')

      expect(user).toEqual({
        username: 'jane.doe@example.com',
        aliases: ['+4915112345678', 'jane'],
        passwordHash: '$2b$10$WjX.C73GxmE7I0QFO8GlsOOm1yvsniuCQtruV.4eD5iK9wZRED2xG',
        status: 'active',
      })
    })

    it('finds the same user by each normalized alias', async () => {
      const store = await seededStore()

      const byPhone = await store.findUser('+4915112345678')
      const byName = await store.findUser('jane')

      expect(byPhone?.username).toBe('jane.doe@example.com')
      expect(byName?.username).toBe('jane.doe@example.com')
    })

    it('answers undefined for an unknown identifier', async () => {
      const store = await seededStore()

      expect(await store.findUser('nobody@example.com')).toBeUndefined()
    })

    it('answers undefined for an identifier that was not normalized', async () => {
      const store = await seededStore()

      expect(await store.findUser('Jane.Doe@Example.com')).toBeUndefined()
    })

    it('keeps the blocked status', async () => {
      const store = await seededStore()

      const user = await store.findUser('blocked@example.com')

      expect(user?.status).toBe('blocked')
    })

    it('returns a user without a password hash without one', async () => {
      const store = await seededStore()

      const user = await store.findUser('nohash@example.com')

      expect(user).toEqual({ username: 'nohash@example.com', status: 'active' })
    })
  })
}
