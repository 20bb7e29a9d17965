import { parseArgs } from 'node:util'
import { parseTargetUrl } from './target-url'
import { UsageError } from './usage-error'

/**
 * Budget for one answer. Corbado does not document its timeout; comparable hooks allow 3 s
 * (Okta's password import hook) to 5 s (Cognito's user migration trigger), so 3 s is safe.
 */
export const DEFAULT_BUDGET_MS = 3000
/** When a call is given up: well past the budget, so a slow answer is still measured. */
export const DEFAULT_TIMEOUT_MS = 10_000

/** Everything one run of the checker needs, from flags first and the environment second. */
export interface CheckerOptions {
  url: URL
  username: string
  password: string
  validUser: string
  validPassword: string
  unknownUser: string
  budgetMs: number
  timeoutMs: number
  isJson: boolean
}

/** The environment variables the checker reads, so secrets stay out of shell history. */
export const ENV = {
  url: 'WEBHOOK_URL',
  auth: 'WEBHOOK_AUTH',
  username: 'WEBHOOK_USERNAME',
  password: 'WEBHOOK_PASSWORD',
  validUser: 'CHECK_VALID_USER',
  validPassword: 'CHECK_VALID_PASSWORD',
  unknownUser: 'CHECK_UNKNOWN_USER',
} as const

const FLAGS = {
  url: { type: 'string' },
  auth: { type: 'string' },
  'valid-user': { type: 'string' },
  'valid-password': { type: 'string' },
  'unknown-user': { type: 'string' },
  'budget-ms': { type: 'string' },
  'timeout-ms': { type: 'string' },
  json: { type: 'boolean', default: false },
  'allow-insecure': { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const

/** Reads the command line, or returns `'help'` when `--help` was asked for. */
export function parseOptions(
  argv: string[],
  env: Record<string, string | undefined>,
): CheckerOptions | 'help' {
  let values: ReturnType<typeof parseArgs<{ options: typeof FLAGS }>>['values']
  try {
    values = parseArgs({ args: argv, options: FLAGS, strict: true }).values
  } catch (error) {
    // Node quotes a stray argument in its message, and a stray argument may be a password
    // given as `--auth user pass`, so that one message is replaced.
    const isPositional =
      (error as { code?: string }).code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL'
    const message = isPositional
      ? 'unexpected argument: every value belongs to a flag, as in --auth USER:PASS'
      : (error as Error).message
    throw new UsageError(message, { cause: error })
  }
  if (values.help) return 'help'

  const pick = (flag: string | undefined, name: string) => flag?.trim() || env[name]?.trim()
  const required = (value: string | undefined, flag: string, name: string) => {
    if (!value) throw new UsageError(`${flag} is required (or set ${name})`)
    return value
  }

  const url = parseTargetUrl(
    required(pick(values.url, ENV.url), '--url', ENV.url),
    values['allow-insecure'],
  )

  const { username, password } = readCredential(values.auth, env)
  const validUser = required(
    pick(values['valid-user'], ENV.validUser),
    '--valid-user',
    ENV.validUser,
  )
  const unknownUser = required(
    pick(values['unknown-user'], ENV.unknownUser),
    '--unknown-user',
    ENV.unknownUser,
  )
  if (validUser.toLowerCase() === unknownUser.toLowerCase()) {
    throw new UsageError('--unknown-user must name a user other than --valid-user')
  }

  return {
    url,
    username,
    password,
    validUser,
    // Not trimmed like the names: a password may begin or end with a space.
    validPassword: required(
      values['valid-password'] || env[ENV.validPassword],
      '--valid-password',
      ENV.validPassword,
    ),
    unknownUser,
    budgetMs: parseMilliseconds(values['budget-ms'], '--budget-ms', DEFAULT_BUDGET_MS),
    timeoutMs: parseMilliseconds(values['timeout-ms'], '--timeout-ms', DEFAULT_TIMEOUT_MS),
    isJson: values.json,
  }
}

// Everything after the first ':' is the password, as the webhook itself reads it.
function readCredential(flag: string | undefined, env: Record<string, string | undefined>) {
  const auth = flag || env[ENV.auth]
  if (auth) {
    const colon = auth.indexOf(':')
    if (colon <= 0) throw new UsageError('--auth must be USER:PASS')
    return { username: auth.slice(0, colon), password: auth.slice(colon + 1) }
  }

  const username = env[ENV.username]
  const password = env[ENV.password]
  if (!username || !password) {
    throw new UsageError(
      `--auth USER:PASS is required (or set ${ENV.auth}, or ${ENV.username} and ${ENV.password})`,
    )
  }
  return { username, password }
}

function parseMilliseconds(text: string | undefined, flag: string, fallback: number): number {
  if (text === undefined) return fallback
  const value = Number(text)
  if (!Number.isInteger(value) || value <= 0) {
    throw new UsageError(`${flag} must be a whole number of milliseconds above 0, not ${text}`)
  }
  return value
}
