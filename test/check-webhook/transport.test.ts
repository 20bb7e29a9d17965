import { describe, expect, it } from 'vitest'
import { startReferenceServer } from './reference-server'
import { check, failedChecks, problemsOf, referenceArgs, useReferenceServer } from './run'

const FIRST_CHECK = 'passwordVerify accepts the valid password'

const { checkServer } = useReferenceServer()

describe('the webhook checker on the way to the webhook', () => {
  it('flags every answer slower than the budget', async () => {
    const { exitCode, stdout } = await checkServer({ delayMs: 80 }, ['--budget-ms', '40'])

    expect(exitCode).toBe(1)
    expect(failedChecks(stdout)).toHaveLength(11)
    expect(problemsOf(stdout, FIRST_CHECK)[0]).toMatch(/^took \d+ ms, over the budget of 40 ms$/)
  })

  it('gives up on a call after the timeout and says so', async () => {
    const { exitCode, stdout } = await checkServer({ delayMs: 300 }, ['--timeout-ms', '30'])

    expect(exitCode).toBe(1)
    expect(problemsOf(stdout, FIRST_CHECK)).toEqual([
      'no answer within 30 ms (raise --timeout-ms to wait longer)',
    ])
  })

  it('names the redirect target, without its query, when the URL redirects', async () => {
    const { exitCode, stdout } = await checkServer({
      redirectTo: 'https://hooks.example.com/webhook?token=abc',
    })

    expect(exitCode).toBe(1)
    expect(failedChecks(stdout)).toHaveLength(11)
    expect(problemsOf(stdout, FIRST_CHECK)).toEqual([
      'status 308, expected 200 (redirects to https://hooks.example.com/webhook; give that URL instead)',
    ])
  })

  it('fails every check when nothing listens at the URL', async () => {
    const closed = await startReferenceServer()
    await closed.close()

    const { exitCode, stdout } = await check(referenceArgs(closed.url, ['--json']))

    expect(exitCode).toBe(1)
    expect(failedChecks(stdout)).toHaveLength(11)
    expect(problemsOf(stdout, FIRST_CHECK)).toEqual(['request failed: ECONNREFUSED'])
  })
})
