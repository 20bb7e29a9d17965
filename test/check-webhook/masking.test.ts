import { describe, expect, it } from 'vitest'
import { REFERENCE } from './reference-server'
import { check, useReferenceServer } from './run'

// Quotes and a backslash, so the password also shows up JSON-escaped in an echoed body.
const VALID_PASSWORD = 'sup"er\\secret-7731'
const AUTH = `${REFERENCE.username}:${REFERENCE.password}`

const { startServer } = useReferenceServer()

function argsFor(url: string, extra: string[]) {
  return [
    ...['--url', url, '--auth', AUTH, '--valid-user', REFERENCE.validUser],
    ...['--valid-password', VALID_PASSWORD, '--unknown-user', REFERENCE.unknownUser],
    ...extra,
  ]
}

function expectNoSecret(text: string) {
  expect(text).not.toContain(REFERENCE.password)
  expect(text).not.toContain(Buffer.from(AUTH).toString('base64'))
  expect(text).not.toContain('supersecret')
  expect(text).not.toContain('er\\secret-7731')
  expect(text).not.toContain('secret-7731')
}

describe('the checker output', () => {
  it.each([[[]], [['--json']]])(
    'holds no password or credential when the server echoes requests (%j)',
    async (extra) => {
      const server = await startServer({ isRequestEchoed: true })

      const { exitCode, stdout, stderr } = await check(argsFor(server.url, extra))

      expect(exitCode).toBe(1)
      expect(stdout).toContain('***')
      expectNoSecret(stdout)
      expectNoSecret(stderr)
    },
  )

  it('holds no password or credential when every check passes', async () => {
    const server = await startServer()
    const args = argsFor(server.url, ['--json']).map((arg) =>
      arg === VALID_PASSWORD ? REFERENCE.validPassword : arg,
    )

    const { exitCode, stdout } = await check(args)

    expect(exitCode).toBe(0)
    expectNoSecret(stdout)
  })

  it('keeps the check names readable when a password is a word in them', async () => {
    const server = await startServer({ isRequestEchoed: true })
    const args = argsFor(server.url, []).map((arg) => (arg === VALID_PASSWORD ? 'password' : arg))

    const { stdout } = await check(args)

    expect(stdout).toContain('FAIL  passwordVerify accepts the valid password')
    expect(stdout).toContain(':\\"***\\"}}')
  })
})
