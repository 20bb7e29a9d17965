import { decodeBase64 } from './base64'
import { createFirebaseScryptVerifier, type FirebaseScryptConfig } from './firebase-scrypt'
import type { PasswordVerifier } from './verifier'
import { defaultVerifiers } from './verifiers'

/**
 * The variables that turn on Firebase's scrypt, each named after the field of the
 * project's "Password hash parameters" it holds.
 */
export const FIREBASE_VARIABLES = {
  signerKey: 'FIREBASE_SIGNER_KEY',
  saltSeparator: 'FIREBASE_SALT_SEPARATOR',
  rounds: 'FIREBASE_ROUNDS',
  memCost: 'FIREBASE_MEM_COST',
} as const satisfies Record<keyof FirebaseScryptConfig, string>

/** A password setting that cannot be used; the message names the variable, never its value. */
export class PasswordSettingError extends Error {
  override readonly name = 'PasswordSettingError'
}

/**
 * The verifiers a deployment's settings ask for: `defaultVerifiers`, and Firebase's scrypt
 * after them when all four `FIREBASE_*` variables are set. Throws `PasswordSettingError`
 * when only some are set or one cannot be used.
 *
 * `env` is any record of settings: `process.env`, or a Worker's vars and secrets (where a
 * wrangler.toml var may also arrive as a number).
 */
export function verifiersFromEnv(
  env: Readonly<Record<string, unknown>>,
): readonly PasswordVerifier[] {
  const firebase = readFirebaseConfig(env)
  if (!firebase) return defaultVerifiers
  return [...defaultVerifiers, createFirebaseScryptVerifier(firebase)]
}

function readFirebaseConfig(env: Readonly<Record<string, unknown>>) {
  const names = Object.values(FIREBASE_VARIABLES)
  const missing = names.filter((name) => readSetting(env, name) === undefined)
  if (missing.length === names.length) return undefined
  if (missing.length > 0) {
    const verb = missing.length === 1 ? 'is' : 'are'
    throw new PasswordSettingError(
      `${missing.join(', ')} ${verb} not set: Firebase's scrypt needs all four of ${names.join(', ')}, or none to leave it off.`,
    )
  }

  return {
    signerKey: readBase64(env, FIREBASE_VARIABLES.signerKey, 'base64_signer_key'),
    saltSeparator: readBase64(env, FIREBASE_VARIABLES.saltSeparator, 'base64_salt_separator'),
    rounds: readInteger(env, FIREBASE_VARIABLES.rounds, 'rounds', 8),
    memCost: readInteger(env, FIREBASE_VARIABLES.memCost, 'mem_cost', 14),
  } satisfies FirebaseScryptConfig
}

function readSetting(env: Readonly<Record<string, unknown>>, name: string): string | undefined {
  const value = env[name]
  if (typeof value === 'number') return String(value)
  return typeof value === 'string' ? value.trim() || undefined : undefined
}

function readBase64(env: Readonly<Record<string, unknown>>, name: string, field: string) {
  const value = readSetting(env, name) as string
  try {
    decodeBase64(value, name)
  } catch (error) {
    throw new PasswordSettingError(
      `${name} must be the project's ${field}, in base64 as the Firebase console shows it.`,
      { cause: error },
    )
  }
  return value
}

function readInteger(
  env: Readonly<Record<string, unknown>>,
  name: string,
  field: string,
  max: number,
): number {
  const value = readSetting(env, name) as string
  const number = /^\d+$/.test(value) ? Number(value) : Number.NaN
  if (!(number >= 1 && number <= max)) {
    throw new PasswordSettingError(
      `${name} must be the project's ${field}, a whole number from 1 to ${max}.`,
    )
  }
  return number
}
