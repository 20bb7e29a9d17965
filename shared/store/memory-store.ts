import { normalizeIdentifier } from './identifier'
import { identifiersOf } from './user-record'
import type { UserRecord, UserStore } from './user-store'

/**
 * Keeps users in a map from every identifier to its user: for the local server, tests and
 * small fixed user lists. Identifiers are normalized here too, so records built by hand
 * are found like those read by `parseUsers`.
 */
export class MemoryStore implements UserStore {
  readonly #byIdentifier = new Map<string, UserRecord>()

  constructor(users: Iterable<UserRecord>) {
    for (const user of users) {
      for (const id of identifiersOf(user)) this.#byIdentifier.set(normalizeIdentifier(id), user)
    }
  }

  async findUser(identifier: string): Promise<UserRecord | undefined> {
    return this.#byIdentifier.get(identifier)
  }
}
