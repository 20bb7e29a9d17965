import type { D1Database } from '@cloudflare/workers-types'
import { parseUserRecord } from './user-record'
import { StoreError, type UserRecord, type UserStore } from './user-store'

// One indexed read: the identifier is the primary key of `identifiers`; the aliases come
// along as a JSON array so the user needs no second query. Schema: infra/d1/migrations/.
const FIND_USER_SQL = `
SELECT u.username, u.password_hash, u.status,
  (SELECT json_group_array(a.identifier ORDER BY a.position) FROM identifiers a
    WHERE a.user_id = u.id AND a.identifier <> u.username) AS aliases
FROM identifiers i JOIN users u ON u.id = i.user_id
WHERE i.identifier = ?1`

interface UserRow {
  username: string
  password_hash: string | null
  status: string
  aliases: string
}

/** Looks users up in Cloudflare D1, written there by the import tool (`--to d1`). */
export class D1Store implements UserStore {
  readonly #db: D1Database

  constructor(db: D1Database) {
    this.#db = db
  }

  async findUser(identifier: string): Promise<UserRecord | undefined> {
    let row: UserRow | null
    try {
      row = await this.#db.prepare(FIND_USER_SQL).bind(identifier).first<UserRow>()
    } catch (cause) {
      throw new StoreError('D1 query failed; are the migrations applied?', { cause })
    }

    if (row === null) return undefined
    try {
      const aliases: string[] = JSON.parse(row.aliases)
      return parseUserRecord({
        username: row.username,
        ...(aliases.length > 0 && { aliases }),
        ...(row.password_hash !== null && { passwordHash: row.password_hash }),
        status: row.status,
      })
    } catch (cause) {
      throw new StoreError('a user stored in D1 is malformed; import it again', { cause })
    }
  }
}
