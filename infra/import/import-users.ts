import { type ParseUsersOptions, parseUsers } from '../../shared/store/users-file'
import type { UsersFileRows } from './read-users-file'
import type { ImportTarget } from './target'

/** What an import did. A refusal names its row (`line 4`, `index 3`) and never a value. */
export interface ImportSummary {
  written: number
  refused: { row: string; reason: string }[]
}

/**
 * A write the target could not complete stopped the import; the message is the cause's.
 * `summary.written` counts the users of the batches written before it: some users of the
 * failed batch may be written too.
 */
export class ImportWriteError extends Error {
  override readonly name = 'ImportWriteError'

  constructor(
    readonly summary: ImportSummary,
    override readonly cause: Error,
  ) {
    super(cause.message, { cause })
  }
}

/**
 * Checks every row (with `options.verifiers`, also that a verifier knows its hash, and
 * that the target can hold it), writes the good ones to the target in batches of
 * `target.batchSize` and closes the target. Bad rows are refused and reported, not fatal;
 * a write the target could not complete throws `ImportWriteError`.
 */
export async function importUsers(
  file: UsersFileRows,
  target: ImportTarget,
  options: ParseUsersOptions = {},
): Promise<ImportSummary> {
  const parsed = parseUsers(file.rows, {
    ...options,
    describeRow: file.describeRow,
    refusalOf: (user) => target.refusalOf?.(user),
  })
  const summary: ImportSummary = {
    written: 0,
    refused: parsed.refused.map(({ index, reason }) => ({ row: file.describeRow(index), reason })),
  }

  try {
    for (let start = 0; start < parsed.users.length; start += target.batchSize) {
      const batch = parsed.users.slice(start, start + target.batchSize)
      await target.write(batch)
      summary.written += batch.length
    }
  } catch (cause) {
    throw new ImportWriteError(summary, cause instanceof Error ? cause : new Error(String(cause)))
  } finally {
    await target.close?.()
  }

  return summary
}
