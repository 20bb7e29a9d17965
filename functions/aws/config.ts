import { isLogLevel, type LogLevel } from '../../shared/app/logger'
import type { PasswordVerifier } from '../../shared/passwords/verifier'
import { verifiersFromEnv } from '../../shared/passwords/verifiers-from-env'

/** Where the Lambda finds its webhook credentials. */
export type CredentialSource =
  | { kind: 'ssm'; usernameParameter: string; passwordParameter: string }
  | { kind: 'env'; username: string | undefined; password: string | undefined }

export interface AwsConfig {
  tableName: string
  logLevel: LogLevel
  credentials: CredentialSource
  /** The defaults, and Firebase's scrypt when the four `FIREBASE_*` variables are set. */
  verifiers: readonly PasswordVerifier[]
  /**
   * The hash checked for unknown users so they cost as much time as known ones; unset,
   * the app's default `TIMING_HASH` (bcrypt at cost 10). One of `verifiers` knows it.
   */
  timingHash: string | undefined
}

/** A setting the function cannot run with; the message names the variable. */
export class AwsConfigError extends Error {
  override readonly name = 'AwsConfigError'
}

/**
 * Reads the function's settings from its environment. serverless.yml sets `USERS_TABLE`
 * and the two `WEBHOOK_*_PARAMETER` names; plain `WEBHOOK_USERNAME` and
 * `WEBHOOK_PASSWORD` are read only when no parameter names are set, for tests and local
 * runs. The DynamoDB endpoint comes from the SDK's own `AWS_ENDPOINT_URL_DYNAMODB`. The
 * four `FIREBASE_*` variables turn on Firebase's scrypt (see `verifiersFromEnv`), and the
 * optional `TIMING_HASH` replaces the app's decoy hash for unknown users.
 */
export function readAwsConfig(env: Readonly<Record<string, string | undefined>>): AwsConfig {
  const tableName = readVariable(env, 'USERS_TABLE')
  if (tableName === undefined) throw new AwsConfigError('USERS_TABLE must name the users table.')

  const logLevel = readVariable(env, 'LOG_LEVEL') ?? 'info'
  if (!isLogLevel(logLevel)) {
    throw new AwsConfigError('LOG_LEVEL must be one of debug, info, warn, error, silent.')
  }

  const usernameParameter = readVariable(env, 'WEBHOOK_USERNAME_PARAMETER')
  const passwordParameter = readVariable(env, 'WEBHOOK_PASSWORD_PARAMETER')
  if (Boolean(usernameParameter) !== Boolean(passwordParameter)) {
    throw new AwsConfigError(
      'Set both WEBHOOK_USERNAME_PARAMETER and WEBHOOK_PASSWORD_PARAMETER, or neither.',
    )
  }
  const credentials: CredentialSource =
    usernameParameter && passwordParameter
      ? { kind: 'ssm', usernameParameter, passwordParameter }
      : { kind: 'env', username: env.WEBHOOK_USERNAME, password: env.WEBHOOK_PASSWORD }

  const verifiers = verifiersFromEnv(env)
  const timingHash = readVariable(env, 'TIMING_HASH')
  if (timingHash && !verifiers.some((verifier) => verifier.matches(timingHash))) {
    throw new AwsConfigError(
      "TIMING_HASH is in a format no verifier knows; set it to a hash of your users' own format and cost, or leave it unset.",
    )
  }

  return { tableName, logLevel, credentials, verifiers, timingHash }
}

function readVariable(
  env: Readonly<Record<string, string | undefined>>,
  name: string,
): string | undefined {
  return env[name]?.trim() || undefined
}
