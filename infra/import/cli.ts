import { verifiersFromEnv } from '../../shared/passwords/verifiers-from-env'
import { countOfUsers } from '../../shared/store/users-file'
import { type ImportArgs, KEEP_UNKNOWN_HASHES, parseImportArgs, UsageError } from './cli-args'
import { type ImportSummary, ImportWriteError, importUsers } from './import-users'
import { readUsersFile } from './read-users-file'

/** Where the tool prints; `console` in real runs, a recorder in tests. */
export interface CliOutput {
  log(line: string): void
  error(line: string): void
}

/**
 * Exit codes: every row written; some rows refused (the rest written); the import
 * stopped (a usage error, a file it cannot read or that holds no users, or a failed
 * write, after which the users written before it stay written and are counted).
 */
export const EXIT_OK = 0
export const EXIT_ROWS_REFUSED = 1
export const EXIT_FAILED = 2

/**
 * `users:import --to TARGET [flags] FILE`, TARGET being a key of `TARGETS` (dynamodb, kv,
 * d1). Returns the exit code. Prints counts and refused rows; never a password hash.
 */
export async function runImportCli(argv: readonly string[], out: CliOutput): Promise<number> {
  let args: ImportArgs
  try {
    args = parseImportArgs(argv)
  } catch (error) {
    if (!(error instanceof UsageError)) throw error
    out.error(error.message)
    return EXIT_FAILED
  }
  const { targetName, definition, values, file } = args

  try {
    const rows = await readUsersFile(file)
    // An export that failed half-way often leaves a file with a header and nothing else;
    // "wrote 0 users" would read as success.
    if (rows.rows.length === 0) {
      out.error(
        `import failed: ${file} holds no users; a CSV file needs a row per user under its header, a JSON file an array of user objects`,
      )
      return EXIT_FAILED
    }
    const target = await definition.open(values)
    const summary = await importUsers(rows, target, {
      verifiers: verifiersFromEnv(process.env),
      isUnknownHashKept: values[KEEP_UNKNOWN_HASHES] === true,
    })

    out.log(
      `wrote ${countOfUsers(summary.written)} to ${targetName}, refused ${summary.refused.length}`,
    )
    printRefused(summary, out)
    return summary.refused.length > 0 ? EXIT_ROWS_REFUSED : EXIT_OK
  } catch (error) {
    // Messages of the file reader, the targets and the AWS SDK name what failed and
    // carry no row content, so printing them cannot leak a hash.
    const failure = error instanceof ImportWriteError ? error.cause : error
    const { name, message } = failure instanceof Error ? failure : new Error(String(failure))
    out.error(`import failed: ${name}: ${message}`)
    if (error instanceof ImportWriteError) {
      const { summary } = error
      out.error(
        `wrote ${countOfUsers(summary.written)} to ${targetName} before the failure (some of the failed batch may be written too), refused ${summary.refused.length}; every write replaces its user, so running the same file again is safe`,
      )
      printRefused(summary, out)
    }
    return EXIT_FAILED
  }
}

function printRefused(summary: ImportSummary, out: CliOutput): void {
  for (const { row, reason } of summary.refused) out.error(`refused ${row}: ${reason}`)
}
