import { describe, expect, it } from 'vitest'
import { AwsConfigError, readAwsConfig } from '../../functions/aws/config'
import { defaultVerifiers } from '../../shared/passwords/verifiers'

// bcrypt at cost 4 of a throwaway password, for the format only.
const BCRYPT_HASH = '$2b$04$zQRFyjamF6Hqcw/ebbfSWex51F2FAIG88jIrSh4hY8PTi9UttFKwS'

describe('the Lambda configuration', () => {
  it('reads credentials from the two parameters when both names are set', () => {
    const config = readAwsConfig({
      USERS_TABLE: ' users ',
      WEBHOOK_USERNAME_PARAMETER: '/a/user',
      WEBHOOK_PASSWORD_PARAMETER: '/a/password',
      WEBHOOK_USERNAME: 'ignored',
    })

    expect(config).toEqual({
      tableName: 'users',
      logLevel: 'info',
      credentials: { kind: 'ssm', usernameParameter: '/a/user', passwordParameter: '/a/password' },
      verifiers: defaultVerifiers,
    })
  })

  it('falls back to plain credentials when no parameter names are set', () => {
    const config = readAwsConfig({
      USERS_TABLE: 'users',
      WEBHOOK_USERNAME: 'u',
      WEBHOOK_PASSWORD: 'p',
    })

    expect(config.credentials).toEqual({ kind: 'env', username: 'u', password: 'p' })
  })

  it('reads a timing hash of a format a verifier knows', () => {
    const config = readAwsConfig({ USERS_TABLE: 'users', TIMING_HASH: ` ${BCRYPT_HASH} ` })

    expect(config.timingHash).toBe(BCRYPT_HASH)
  })

  it('leaves the timing hash to the default when none is set', () => {
    const config = readAwsConfig({ USERS_TABLE: 'users', TIMING_HASH: ' ' })

    expect(config.timingHash).toBeUndefined()
  })

  it.each([
    ['USERS_TABLE', {}],
    ['TIMING_HASH', { USERS_TABLE: 'users', TIMING_HASH: 'not-a-hash' }],
    ['LOG_LEVEL', { USERS_TABLE: 'users', LOG_LEVEL: 'loud' }],
    ['WEBHOOK_PASSWORD_PARAMETER', { USERS_TABLE: 'users', WEBHOOK_USERNAME_PARAMETER: '/a' }],
  ])('refuses a setting naming %s', (variable, env) => {
    expect(() => readAwsConfig(env)).toThrow(AwsConfigError)
    expect(() => readAwsConfig(env)).toThrow(variable)
  })
})
