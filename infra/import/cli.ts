import { parseArgs } from 'node:util'
import { verifiersFromEnv } from '../../shared/passwords/verifiers-from-env'
import { importUsers } from './import-users'
import { readUsersFile } from './read-users-file'
import { TARGETS } from './targets'

/** Where the tool prints; `console` in real runs, a recorder in tests. */
export interface CliOutput {
  log(line: string): void
  error(line: string): void
}

/** Exit codes: every row written; some rows refused (the rest written); nothing usable. */
export const EXIT_OK = 0
export const EXIT_ROWS_REFUSED = 1
export const EXIT_FAILED = 2

// Rows whose hash no verifier knows are refused unless this flag is given. The verifiers
// are the built-in ones and, when the shell has its FIREBASE_* settings, Firebase scrypt,
// as the deployment will run them; the flag is for a verifier a fork adds in code.
const KEEP_UNKNOWN_HASHES = 'keep-unknown-hashes'

const USAGE = [
  'usage: npm run users:import -- --to TARGET [flags] FILE.json|FILE.csv',
  `  --${KEEP_UNKNOWN_HASHES}: import hashes no verifier knows (for one a fork adds in code); Firebase scrypt hashes need the FIREBASE_* settings in the shell instead`,
  ...Object.entries(TARGETS).flatMap(([name, target]) => [
    `  --to ${name}`,
    ...Object.entries(target.flags).map(
      ([flag, { description, required }]) =>
        `    --${flag}${required ? ' (required)' : ''}: ${description}`,
    ),
  ]),
].join('\n')

/**
 * `users:import --to TARGET [flags] FILE`, TARGET being a key of `TARGETS` (dynamodb, kv,
 * d1). Returns the exit code. Prints counts and refused rows; never a password hash.
 */
export async function runImportCli(argv: readonly string[], out: CliOutput): Promise<number> {
  const flags = Object.values(TARGETS).flatMap((target) => Object.entries(target.flags))
  const options: Record<string, { type: 'string' | 'boolean' }> = {
    to: { type: 'string' },
    [KEEP_UNKNOWN_HASHES]: { type: 'boolean' },
  }
  for (const [name, flag] of flags) options[name] = { type: flag.type ?? 'string' }

  let values: Record<string, string | boolean | undefined>
  let positionals: string[]
  try {
    const parsed = parseArgs({ args: [...argv], options, allowPositionals: true })
    values = parsed.values as Record<string, string | boolean | undefined>
    positionals = parsed.positionals
  } catch (error) {
    out.error(`${(error as Error).message}\n${USAGE}`)
    return EXIT_FAILED
  }

  const definition = TARGETS[String(values.to)]
  const [file, ...extra] = positionals
  if (definition === undefined || file === undefined || extra.length > 0) {
    out.error(USAGE)
    return EXIT_FAILED
  }
  const missing = Object.entries(definition.flags).find(([name, f]) => f.required && !values[name])
  if (missing) {
    out.error(`--${missing[0]} is required: ${missing[1].description}\n${USAGE}`)
    return EXIT_FAILED
  }

  try {
    const rows = await readUsersFile(file)
    const target = await definition.open(values)
    const verifiers = values[KEEP_UNKNOWN_HASHES] ? undefined : verifiersFromEnv(process.env)
    const summary = await importUsers(rows, target, { verifiers })

    out.log(`wrote ${summary.written} users to ${values.to}, refused ${summary.refused.length}`)
    for (const { row, reason } of summary.refused) out.error(`refused ${row}: ${reason}`)
    return summary.refused.length > 0 ? EXIT_ROWS_REFUSED : EXIT_OK
  } catch (error) {
    // Messages of the file reader, the targets and the AWS SDK name what failed and
    // carry no row content, so printing them cannot leak a hash.
    const { name, message } = error instanceof Error ? error : new Error(String(error))
    out.error(`import failed: ${name}: ${message}`)
    return EXIT_FAILED
  }
}
