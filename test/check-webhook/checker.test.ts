import { describe, expect, it } from 'vitest'
import { check, failedChecks, problemsOf, referenceArgs, useReferenceServer } from './run'

const PANEL_CHECKS = [
  'passwordVerify accepts the valid password',
  'authMethods answers exists for the valid user',
  'authMethods answers not_exists for the unknown user',
]
const ANSWER_CHECKS = [
  ...PANEL_CHECKS,
  'passwordVerify refuses a wrong password',
  'passwordVerify answers false for the unknown user',
]

const { startServer, checkServer } = useReferenceServer()

describe('the webhook checker', () => {
  it('passes every check against a server that follows the protocol', async () => {
    const server = await startServer()

    const { exitCode, stdout } = await check(referenceArgs(server.url))

    expect(exitCode).toBe(0)
    expect(stdout).toContain('11 of 11 checks passed.')
    expect(stdout).not.toContain('FAIL')
  })

  it('fails the not_exists check when the server finds the unknown user', async () => {
    const { exitCode, stdout } = await checkServer({ isUnknownUserFound: true })

    expect(exitCode).toBe(1)
    expect(failedChecks(stdout)).toEqual(['authMethods answers not_exists for the unknown user'])
  })

  it('fails both unknown-user checks when the server answers 404 for the unknown user', async () => {
    const { exitCode, stdout } = await checkServer({ unknownUserStatus: 404 })

    expect(exitCode).toBe(1)
    expect(failedChecks(stdout)).toEqual([
      'authMethods answers not_exists for the unknown user',
      'passwordVerify answers false for the unknown user',
    ])
    expect(problemsOf(stdout, 'authMethods answers not_exists for the unknown user')[0]).toBe(
      'status 404, expected 200',
    )
  })

  it('fails both credential checks when the server asks for no credentials', async () => {
    const { exitCode, stdout } = await checkServer({ isAuthSkipped: true })

    expect(exitCode).toBe(1)
    expect(failedChecks(stdout)).toEqual([
      'a call without credentials gets 401',
      'a call with a wrong webhook password gets 401',
    ])
    expect(problemsOf(stdout, 'a call without credentials gets 401')).toEqual([
      'status 200, expected 401',
    ])
  })

  it('fails both credential checks when a 401 offers no Basic challenge', async () => {
    const { stdout } = await checkServer({ isChallengeOmitted: true })

    expect(failedChecks(stdout)).toEqual([
      'a call without credentials gets 401',
      'a call with a wrong webhook password gets 401',
    ])
    expect(problemsOf(stdout, 'a call without credentials gets 401')).toEqual([
      'WWW-Authenticate header is missing, expected WWW-Authenticate: Basic',
    ])
  })

  it('fails the action check when the server ignores the body action', async () => {
    const { exitCode, stdout } = await checkServer({ isBodyActionIgnored: true })

    expect(exitCode).toBe(1)
    expect(failedChecks(stdout)).toEqual([
      'a body whose action differs from X-Corbado-Action gets 400',
    ])
  })

  it('fails the method check when a 405 does not say Allow: POST', async () => {
    const { exitCode, stdout } = await checkServer({ isAllowOmitted: true })

    expect(exitCode).toBe(1)
    expect(problemsOf(stdout, 'a GET gets 405 with Allow: POST')).toEqual([
      'Allow header is missing, expected Allow: POST',
    ])
  })

  it('fails every answer check when the body is not JSON', async () => {
    const { exitCode, stdout } = await checkServer({ isBodyText: true })

    expect(exitCode).toBe(1)
    expect(failedChecks(stdout)).toEqual(ANSWER_CHECKS)
    expect(problemsOf(stdout, PANEL_CHECKS[0] as string)).toEqual([
      'Content-Type is "text/plain", expected application/json',
      'body is not a JSON object',
    ])
  })

  it('fails every answer check when responseID is missing', async () => {
    const { exitCode, stdout } = await checkServer({ isResponseIdOmitted: true })

    expect(exitCode).toBe(1)
    expect(failedChecks(stdout)).toEqual(ANSWER_CHECKS)
    expect(problemsOf(stdout, PANEL_CHECKS[2] as string)).toEqual([
      'responseID is missing or not a string',
    ])
  })

  it('prints the expected and received bodies of a failure in the table', async () => {
    const server = await startServer({ isUnknownUserFound: true })

    const { stdout } = await check(referenceArgs(server.url))

    expect(stdout).toMatch(/FAIL {2}authMethods answers not_exists for the unknown user +200/)
    expect(stdout).toContain(
      'expected: 200 {"responseID":"<string>","data":{"status":"not_exists"}}',
    )
    expect(stdout).toMatch(/received: \{"responseID":"[^"]+","data":\{"status":"exists"\}\}/)
    expect(stdout).toContain('10 of 11 checks passed.')
  })
})
