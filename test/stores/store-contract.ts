import { beforeAll, describe, expect, it } from 'vitest'
import type { UserRecord, UserStore } from '../../shared/store/user-store'

/** Users every store under contract is seeded with, identifiers already normalized. */
export const CONTRACT_USERS: readonly UserRecord[] = [
  {
    username: 'jane@example.com',
    aliases: ['+4915112345678', 'jane'],
    passwordHash: '$2b$10$WjX.C73GxmE7I0QFO8GlsOOm1yvsniuCQtruV.4eD5iK9wZRED2xG',
    status: 'active',
  },
  { username: 'blocked@example.com', passwordHash: '$2b$04$abc', status: 'blocked' },
  { username: 'no-hash@example.com', status: 'active' },
]

/**
 * The behaviour every `UserStore` shares. `makeSeededStore` returns a store holding
 * exactly `users`, written the way the store's own import path writes them.
 */
export function describeUserStoreContract(
  name: string,
  makeSeededStore: (users: readonly UserRecord[]) => Promise<UserStore>,
): void {
  describe(`${name} (user store contract)`, () => {
    let store: UserStore
    const [jane, blocked, noHash] = CONTRACT_USERS as [UserRecord, UserRecord, UserRecord]

    beforeAll(async () => {
      store = await makeSeededStore(CONTRACT_USERS)
    })

    it('finds a user by username with the whole record', async () => {
      expect(await store.findUser('jane@example.com')).toEqual(jane)
    })

    it('finds the same user by each alias', async () => {
      expect(await store.findUser('+4915112345678')).toEqual(jane)
      expect(await store.findUser('jane')).toEqual(jane)
    })

    it('resolves undefined for an unknown identifier', async () => {
      expect(await store.findUser('nobody@example.com')).toBeUndefined()
    })

    it('keeps a blocked status and a missing hash', async () => {
      expect(await store.findUser('blocked@example.com')).toEqual(blocked)
      expect(await store.findUser('no-hash@example.com')).toEqual(noHash)
    })

    it('looks identifiers up exactly as given, leaving normalization to the caller', async () => {
      expect(await store.findUser('JANE@example.com')).toBeUndefined()
    })

    it('keeps one copy when the same users are written again', async () => {
      const again = await makeSeededStore(CONTRACT_USERS)

      expect(await again.findUser('jane')).toEqual(jane)
    })
  })
}
