import type { D1Database } from '@cloudflare/workers-types'
import { identifiersOf } from '../../shared/store/user-record'
import type { UserRecord } from '../../shared/store/user-store'
import { type ImportTarget, namedFieldsOf } from './target'

/** One SQL statement with its `?` parameters in order. */
export interface SqlStatement {
  sql: string
  params: (string | number | null)[]
}

/** Runs statements in one transaction, through a binding or through wrangler. */
export type D1Writer = (statements: readonly SqlStatement[]) => Promise<void>

const UPSERT_USER = `INSERT INTO users (username, password_hash, status) VALUES (?, ?, ?)
ON CONFLICT (username) DO UPDATE SET password_hash = excluded.password_hash, status = excluded.status`

// Dropping the user's identifiers first removes aliases no longer in the users file.
const DELETE_IDENTIFIERS = `DELETE FROM identifiers
WHERE user_id = (SELECT id FROM users WHERE username = ?)`

// An identifier that belonged to another user moves to this one.
const UPSERT_IDENTIFIER = `INSERT INTO identifiers (identifier, user_id, position)
SELECT ?, id, ? FROM users WHERE username = ?
ON CONFLICT (identifier) DO UPDATE SET user_id = excluded.user_id, position = excluded.position`

/** The statements that upsert `users` into the schema of infra/d1/migrations/. */
export function d1StatementsFor(users: readonly UserRecord[]): SqlStatement[] {
  return users.flatMap((user) => [
    { sql: UPSERT_USER, params: [user.username, user.passwordHash ?? null, user.status] },
    { sql: DELETE_IDENTIFIERS, params: [user.username] },
    ...identifiersOf(user).map((id, position) => ({
      sql: UPSERT_IDENTIFIER,
      params: [id, position, user.username],
    })),
  ])
}

/** Imports users into Cloudflare D1; safe to run twice, as every statement is an upsert. */
export class D1Target implements ImportTarget {
  readonly batchSize: number
  readonly #writer: D1Writer

  // 500 users make about 1,500 short statements: one quick transaction, far from D1 limits.
  constructor(writer: D1Writer, batchSize = 500) {
    this.#writer = writer
    this.batchSize = batchSize
  }

  async write(users: readonly UserRecord[]): Promise<void> {
    await this.#writer(d1StatementsFor(users))
  }

  // `wrangler d1 execute --file` takes SQL text, which cannot carry a NUL (SQLite stops
  // reading at one: "unrecognized token" in local D1), so the writer would fail the whole
  // batch, naming no row.
  refusalOf(user: UserRecord): string | undefined {
    const field = namedFieldsOf(user).find(([, value]) => value.includes('\0'))?.[0]
    return field && `${field} holds a NUL character, which the import cannot write to D1`
  }
}

/** Writes through a bound database, from inside a Worker or a Miniflare test. */
export function d1BindingWriter(db: D1Database): D1Writer {
  return async (statements) => {
    await db.batch(statements.map(({ sql, params }) => db.prepare(sql).bind(...params)))
  }
}
