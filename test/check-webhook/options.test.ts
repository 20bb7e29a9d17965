import { describe, expect, it } from 'vitest'
import { parseOptions } from '../../infra/check-webhook/options'
import { REFERENCE } from './reference-server'
import { check, referenceArgs, useReferenceServer } from './run'

const SECRETS_ENV = {
  CHECK_VALID_USER: REFERENCE.validUser,
  CHECK_VALID_PASSWORD: REFERENCE.validPassword,
  CHECK_UNKNOWN_USER: REFERENCE.unknownUser,
}

const { startServer } = useReferenceServer()

describe('the checker options', () => {
  it('reads the URL, WEBHOOK_AUTH and the test users from the environment', async () => {
    const server = await startServer()
    const env = {
      ...SECRETS_ENV,
      WEBHOOK_URL: server.url,
      WEBHOOK_AUTH: `${REFERENCE.username}:${REFERENCE.password}`,
    }

    const { exitCode, stdout } = await check([], env)

    expect(exitCode).toBe(0)
    expect(stdout).toContain('11 of 11 checks passed.')
  })

  it('reads the credential from WEBHOOK_USERNAME and WEBHOOK_PASSWORD', async () => {
    const server = await startServer()
    const env = {
      ...SECRETS_ENV,
      WEBHOOK_USERNAME: REFERENCE.username,
      WEBHOOK_PASSWORD: REFERENCE.password,
    }

    const { exitCode } = await check(['--url', server.url], env)

    expect(exitCode).toBe(0)
  })

  it('prefers a flag to the environment', async () => {
    const server = await startServer()

    const { exitCode } = await check(referenceArgs(server.url), {
      WEBHOOK_URL: 'http://127.0.0.1:1/nothing-here',
      WEBHOOK_AUTH: 'someone:else',
    })

    expect(exitCode).toBe(0)
  })

  it('keeps everything after the first colon of --auth as the password', () => {
    const options = parseOptions(
      ['--url', 'https://hooks.example.com/', '--auth', 'corbado:pa:ss'],
      SECRETS_ENV,
    )

    expect(options).toMatchObject({ username: 'corbado', password: 'pa:ss' })
  })

  it('refuses plain http to a host that is not local, naming the flag that allows it', async () => {
    const { exitCode, stdout, stderr } = await check(
      referenceArgs('http://hooks.example.com/webhook'),
    )

    expect(exitCode).toBe(2)
    expect(stdout).toBe('')
    expect(stderr).toContain('http://hooks.example.com is plain http to a host that is not local')
    expect(stderr).toContain('--allow-insecure')
  })

  it('allows plain http to a host that is not local with --allow-insecure', () => {
    const options = parseOptions(
      referenceArgs('http://hooks.example.com/webhook', ['--allow-insecure']),
      {},
    )

    expect(options).toMatchObject({ url: new URL('http://hooks.example.com/webhook') })
  })

  it.each([
    'http://localhost:3000/',
    'http://127.0.0.1:8787/',
    'http://[::1]:3000/',
    'http://app.localhost/',
  ])('allows plain http to the local host %s', (url) => {
    expect(() => parseOptions(referenceArgs(url), {})).not.toThrow()
  })

  it('names the flag and the variable of a missing value and exits 2', async () => {
    const { exitCode, stderr } = await check(['--url', 'https://hooks.example.com/'], {})

    expect(exitCode).toBe(2)
    expect(stderr).toContain('--auth USER:PASS is required (or set WEBHOOK_AUTH')
  })

  it('refuses a URL it cannot read without quoting it', async () => {
    const { exitCode, stderr } = await check(referenceArgs('https//jane:hunter2@hooks'))

    expect(exitCode).toBe(2)
    expect(stderr).toContain('--url is not a URL')
    expect(stderr).not.toContain('hunter2')
  })

  it('refuses an unknown user that is the valid user', async () => {
    const args = referenceArgs('https://hooks.example.com/').map((arg) =>
      arg === REFERENCE.unknownUser ? REFERENCE.validUser.toUpperCase() : arg,
    )

    const { exitCode, stderr } = await check(args)

    expect(exitCode).toBe(2)
    expect(stderr).toContain('--unknown-user must name a user other than --valid-user')
  })

  it('refuses a budget that is not a whole number of milliseconds', async () => {
    const { exitCode, stderr } = await check(
      referenceArgs('https://hooks.example.com/', ['--budget-ms', '3s']),
    )

    expect(exitCode).toBe(2)
    expect(stderr).toContain('--budget-ms must be a whole number of milliseconds above 0, not 3s')
  })

  it('refuses a stray argument without quoting it, as it may be a password', async () => {
    const { exitCode, stderr } = await check([
      ...referenceArgs('https://hooks.example.com/'),
      'hunter2',
    ])

    expect(exitCode).toBe(2)
    expect(stderr).toContain('unexpected argument')
    expect(stderr).not.toContain('hunter2')
  })

  it('prints the usage, naming every variable, for --help', async () => {
    const { exitCode, stdout } = await check(['--help'])

    expect(exitCode).toBe(0)
    for (const name of ['WEBHOOK_URL', 'WEBHOOK_AUTH', 'CHECK_VALID_PASSWORD']) {
      expect(stdout).toContain(name)
    }
  })
})
