import type { D1Writer, SqlStatement } from './d1-target'
import type { KvWriter } from './kv-target'
import { placeFlags, runWranglerOnFile, type WranglerPlace } from './wrangler'

// `wrangler kv bulk put` takes at most 10,000 pairs per call.
const MAX_KV_PAIRS_PER_CALL = 10_000

/** Writes KV pairs with `wrangler kv bulk put --binding <binding>`. */
export function kvWranglerWriter(binding: string, place: WranglerPlace): KvWriter {
  return async (entries) => {
    for (let start = 0; start < entries.length; start += MAX_KV_PAIRS_PER_CALL) {
      const chunk = entries.slice(start, start + MAX_KV_PAIRS_PER_CALL)
      const secrets = chunk.flatMap(({ value }) => [value, JSON.parse(value).passwordHash ?? ''])
      await runWranglerOnFile(
        'users.json',
        JSON.stringify(chunk),
        (path) => ['kv', 'bulk', 'put', path, '--binding', binding, ...placeFlags(place)],
        secrets,
      )
    }
  }
}

/** Runs SQL statements with `wrangler d1 execute <database> --file`. */
export function d1WranglerWriter(database: string, place: WranglerPlace): D1Writer {
  return async (statements) => {
    const secrets = statements.flatMap(({ params }) =>
      params.filter((param) => typeof param === 'string'),
    )
    await runWranglerOnFile(
      'users.sql',
      toSqlScript(statements),
      (path) => ['d1', 'execute', database, '--file', path, '--yes', ...placeFlags(place)],
      secrets,
    ).catch((error: Error) => {
      const missing = /no such table: \w+/.exec(error.message)?.[0]
      if (missing === undefined) throw error
      const migrate = ['npx wrangler d1 migrations apply', database, ...placeFlags(place)]
      throw new Error(
        `${missing} in D1 database ${database}; create the tables first with \`${migrate.join(' ')}\``,
        { cause: error },
      )
    })
  }
}

/** Inlines the parameters as SQL literals: `wrangler d1 execute --file` takes no bindings. */
export function toSqlScript(statements: readonly SqlStatement[]): string {
  return statements
    .map(({ sql, params }) => {
      let next = 0
      return `${sql.replace(/\?/g, () => toSqlLiteral(params[next++]))};\n`
    })
    .join('')
}

function toSqlLiteral(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return 'NULL'
  if (typeof value === 'number') return String(Math.trunc(value))
  if (value.includes('\0')) throw new Error('a value holds a NUL character, which SQL refuses')
  return `'${value.replaceAll("'", "''")}'`
}
