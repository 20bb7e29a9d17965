import { type ParseUsersOptions, parseUsers } from '../../shared/store/users-file'
import type { UsersFileRows } from './read-users-file'
import type { ImportTarget } from './target'

/** What an import did. A refusal names its row (`line 4`, `index 3`) and never a value. */
export interface ImportSummary {
  written: number
  refused: { row: string; reason: string }[]
}

/**
 * Checks every row (with `options.verifiers`, also that a verifier knows its hash), writes
 * the good ones to the target in batches of `target.batchSize` and closes the target. Bad rows are refused and reported, not fatal; a write the
 * target could not complete throws.
 */
export async function importUsers(
  file: UsersFileRows,
  target: ImportTarget,
  options: ParseUsersOptions = {},
): Promise<ImportSummary> {
  const { users, refused } = parseUsers(file.rows, {
    ...options,
    describeRow: file.describeRow,
    refusalOf: (user) => target.refusalOf?.(user),
  })

  try {
    for (let start = 0; start < users.length; start += target.batchSize) {
      await target.write(users.slice(start, start + target.batchSize))
    }
  } finally {
    await target.close?.()
  }

  return {
    written: users.length,
    refused: refused.map(({ index, reason }) => ({ row: file.describeRow(index), reason })),
  }
}
