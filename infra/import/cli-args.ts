import { parseArgs } from 'node:util'
import { TARGETS, type TargetDefinition, type TargetOptions } from './targets'

// Rows whose hash no verifier knows are refused unless this flag is given. The verifiers
// are the built-in ones and, when the shell has its FIREBASE_* settings, Firebase scrypt,
// as the deployment will run them; the flag is for a verifier a fork adds in code.
export const KEEP_UNKNOWN_HASHES = 'keep-unknown-hashes'

// The flags every target takes; the rest belong to one target each.
const COMMON_FLAGS = ['to', KEEP_UNKNOWN_HASHES]

export const USAGE = [
  'usage: npm run users:import -- --to TARGET [flags] FILE.json|FILE.csv',
  '  exit codes: 0 every user written; 1 some rows refused, the others written; 2 stopped (bad arguments, a file it cannot read or that holds no users, or a failed write: the users written before it stay, and the message counts them)',
  `  --${KEEP_UNKNOWN_HASHES}: import hashes of a format no verifier knows (for one a fork adds in code); a damaged hash of a known format is still refused, and Firebase scrypt hashes need the FIREBASE_* settings in the shell instead`,
  ...Object.entries(TARGETS).flatMap(([name, target]) => [
    `  --to ${name}`,
    ...Object.entries(target.flags).map(
      ([flag, { description, required }]) =>
        `    --${flag}${required ? ' (required)' : ''}: ${description}`,
    ),
  ]),
].join('\n')

/** The command line does not say what to import where; the message ends with the usage. */
export class UsageError extends Error {
  override readonly name = 'UsageError'

  constructor(problem: string) {
    super(problem ? `${problem}\n${USAGE}` : USAGE)
  }
}

export interface ImportArgs {
  targetName: string
  definition: TargetDefinition
  values: TargetOptions
  file: string
}

/** Reads `--to TARGET [flags] FILE`; throws `UsageError` for anything else. */
export function parseImportArgs(argv: readonly string[]): ImportArgs {
  const options: Record<string, { type: 'string' | 'boolean' }> = {
    to: { type: 'string' },
    [KEEP_UNKNOWN_HASHES]: { type: 'boolean' },
  }
  for (const target of Object.values(TARGETS)) {
    for (const [name, flag] of Object.entries(target.flags)) {
      options[name] = { type: flag.type ?? 'string' }
    }
  }

  let parsed: { values: TargetOptions; positionals: string[] }
  try {
    parsed = parseArgs({ args: [...argv], options, allowPositionals: true })
  } catch (error) {
    throw new UsageError((error as Error).message)
  }
  const { values, positionals } = parsed

  const targetName = String(values.to)
  const definition = TARGETS[targetName]
  const [file, ...extra] = positionals
  if (definition === undefined || file === undefined || extra.length > 0) throw new UsageError('')

  // Every target's flags are parsed; one the chosen target does not read would be ignored,
  // and `--to dynamodb --local` write to the AWS account instead of local state.
  const foreign = Object.keys(values).filter(
    (name) =>
      values[name] !== undefined && !COMMON_FLAGS.includes(name) && !(name in definition.flags),
  )
  if (foreign.length > 0) {
    const own = Object.keys(definition.flags).map((name) => `--${name}`)
    throw new UsageError(
      `${foreign.map((name) => `--${name}`).join(', ')}: not a flag of --to ${targetName}, whose flags are ${own.join(', ')}`,
    )
  }

  const missing = Object.entries(definition.flags).find(([name, f]) => f.required && !values[name])
  if (missing) throw new UsageError(`--${missing[0]} is required: ${missing[1].description}`)

  return { targetName, definition, values, file }
}
