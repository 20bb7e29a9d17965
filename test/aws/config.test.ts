import { describe, expect, it } from 'vitest'
import { AwsConfigError, readAwsConfig } from '../../functions/aws/config'
import { defaultVerifiers } from '../../shared/passwords/verifiers'

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

  it.each([
    ['USERS_TABLE', {}],
    ['LOG_LEVEL', { USERS_TABLE: 'users', LOG_LEVEL: 'loud' }],
    ['WEBHOOK_PASSWORD_PARAMETER', { USERS_TABLE: 'users', WEBHOOK_USERNAME_PARAMETER: '/a' }],
  ])('refuses a setting naming %s', (variable, env) => {
    expect(() => readAwsConfig(env)).toThrow(AwsConfigError)
    expect(() => readAwsConfig(env)).toThrow(variable)
  })
})
