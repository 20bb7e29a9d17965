import { readFile } from 'node:fs/promises'
import type { WebhookCredentials } from '../../shared/app/basic-auth'
import { isLogLevel, type LogLevel } from '../../shared/app/logger'
import { DEMO_CREDENTIALS, DEMO_USERS } from '../../shared/demo/demo-users'
import {
  InvalidHashError,
  type PasswordVerifier,
  UnsupportedHashError,
} from '../../shared/passwords/verifier'
import { defaultVerifiers } from '../../shared/passwords/verifiers'
import { verifiersFromEnv } from '../../shared/passwords/verifiers-from-env'
import { verifyPassword } from '../../shared/passwords/verify-password'
import { jsonErrorPosition } from '../../shared/store/json-error-position'
import type { UserRecord } from '../../shared/store/user-store'
import { parseUsers } from '../../shared/store/users-file'

export interface NodeServerConfig {
  port: number
  host: string
  logLevel: LogLevel
  credentials: WebhookCredentials
  users: readonly UserRecord[]
  /** The hash formats the server understands; users' hashes are checked against them. */
  verifiers: readonly PasswordVerifier[]
  /** `TIMING_HASH`: the hash `passwordVerify` checks for unknown users; see `AppOptions`. */
  timingHash: string | undefined
  /** Which of the settings fell back to demo values, to say so at start. */
  isDemoCredentials: boolean
  isDemoUsers: boolean
}

/** Thrown for a setting that cannot be used; the message names the variable or file. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError'
}

/**
 * Reads the local server's settings from the environment. Without settings it runs on
 * the demo users and the public demo credentials, and only so: those credentials are
 * refused once real users (`USERS_FILE`) or a non-loopback `HOST` could be reached with
 * them, and the demo users once real credentials are set.
 */
export async function loadNodeConfig(env: NodeJS.ProcessEnv): Promise<NodeServerConfig> {
  const port = Number(env.PORT?.trim() || 3000)
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new ConfigError('PORT must be a whole number from 0 to 65535.')
  }

  const logLevel = env.LOG_LEVEL?.trim() || 'info'
  if (!isLogLevel(logLevel)) {
    throw new ConfigError('LOG_LEVEL must be one of debug, info, warn, error, silent.')
  }

  const username = env.WEBHOOK_USERNAME
  const password = env.WEBHOOK_PASSWORD
  if (Boolean(username) !== Boolean(password)) {
    throw new ConfigError(
      'Set both WEBHOOK_USERNAME and WEBHOOK_PASSWORD, or neither for demo ones.',
    )
  }
  // Basic authentication ends the username at the first colon (RFC 7617).
  if (username?.includes(':')) {
    throw new ConfigError(
      'WEBHOOK_USERNAME must not contain ":"; Basic authentication cannot carry one.',
    )
  }
  const usersFile = env.USERS_FILE?.trim()
  const host = env.HOST?.trim() || '127.0.0.1'
  if (!(username && password) && (usersFile || !isLoopback(host))) {
    throw new ConfigError(
      `Set WEBHOOK_USERNAME and WEBHOOK_PASSWORD: the demo credentials are public, so they are used only without USERS_FILE and with HOST on loopback (now ${usersFile ? 'USERS_FILE is set' : `HOST is ${host}`}).`,
    )
  }
  // The demo user's password is in every Corbado example: served with real credentials,
  // which Corbado can call, it would sign anyone in as that user.
  if (username && password && !usersFile) {
    throw new ConfigError(
      'Set USERS_FILE to your users file: the demo users have a public password, so they are served only with the demo credentials (now WEBHOOK_USERNAME and WEBHOOK_PASSWORD are set).',
    )
  }
  const credentials = username && password ? { username, password } : DEMO_CREDENTIALS

  const verifiers = verifiersFromEnv(env)
  const users = usersFile ? await loadUsersFile(usersFile, verifiers) : DEMO_USERS
  const timingHash = env.TIMING_HASH?.trim() || undefined
  if (timingHash) await checkTimingHash(timingHash, verifiers)

  return {
    port,
    host,
    logLevel,
    credentials,
    users,
    verifiers,
    timingHash,
    isDemoCredentials: credentials === DEMO_CREDENTIALS,
    isDemoUsers: !usersFile,
  }
}

/**
 * Verifies one password against the timing hash, so that a hash no verifier knows, or
 * one beyond the limits, stops the server instead of quietly evening out nothing. Costs
 * one check at start. The message names the problem, never the hash.
 */
async function checkTimingHash(hash: string, verifiers: readonly PasswordVerifier[]) {
  try {
    await verifyPassword('', hash, verifiers)
  } catch (error) {
    if (error instanceof UnsupportedHashError) {
      throw new ConfigError('TIMING_HASH is in a format no verifier knows.')
    }
    if (error instanceof InvalidHashError) {
      throw new ConfigError(`TIMING_HASH cannot be used: ${error.message}.`)
    }
    throw error
  }
}

/** Whether `host` only accepts connections from this machine. */
function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host)
}

/**
 * Reads a JSON users file, refusing it whole if any row is bad, naming each bad row. A
 * row whose hash none of `verifiers` knows is bad too: it could never sign in.
 */
export async function loadUsersFile(
  path: string,
  verifiers: readonly PasswordVerifier[] = defaultVerifiers,
): Promise<UserRecord[]> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    throw new ConfigError(`USERS_FILE ${path} cannot be read.`, { cause: error })
  }

  // A byte order mark, as some Windows editors write, is not JSON; Fetch drops it too.
  if (text.startsWith('\uFEFF')) text = text.slice(1)
  let rows: unknown
  try {
    rows = JSON.parse(text)
  } catch {
    // The parser's own message may quote the text around the fault: a hash, perhaps.
    const at = jsonErrorPosition(text)
    const place = at ? ` at line ${at.line}, column ${at.column}` : ''
    throw new ConfigError(`USERS_FILE ${path} is not valid JSON${place}.`)
  }
  if (!Array.isArray(rows)) {
    throw new ConfigError(`USERS_FILE ${path} must hold a JSON array of users.`)
  }

  const { users, refused } = parseUsers(rows, { verifiers })
  if (refused.length > 0) {
    const lines = refused.map((row) => `  row ${row.index}: ${row.reason}`).join('\n')
    throw new ConfigError(`USERS_FILE ${path} has ${refused.length} bad row(s):\n${lines}`)
  }
  return users
}
