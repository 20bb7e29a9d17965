import { describe, expect, it } from 'vitest'
import { startReferenceServer } from './reference-server'
import { check, failedChecks, problemsOf, referenceArgs, useReferenceServer } from './run'

const FIRST_CHECK = 'passwordVerify accepts the valid password'

const { checkServer, startServer } = useReferenceServer()

describe('the webhook checker on the way to the webhook', () => {
  it('flags only the answers slower than the budget and shows their times', async () => {
    const faults = { slowAction: { action: 'authMethods', delayMs: 500 } }
    const slowChecks = [
      'authMethods answers exists for the valid user',
      'authMethods answers not_exists for the unknown user',
    ]
    // Far apart, so that only the delayed calls, and not a slow first connection, pass it.
    const budget = ['--budget-ms', '250']

    const { url } = await startServer(faults)

    const json = await check(referenceArgs(url, ['--json', ...budget]))
    const table = await check(referenceArgs(url, budget))

    expect(json.exitCode).toBe(1)
    expect(failedChecks(json.stdout)).toEqual(slowChecks)
    for (const name of slowChecks) {
      expect(problemsOf(json.stdout, name)).toEqual([
        expect.stringMatching(/^took \d+ ms, over the budget of 250 ms$/),
      ])
      const row = new RegExp(`FAIL {2}${name} +200 +(\\d+) ms`).exec(table.stdout)
      expect(Number(row?.[1])).toBeGreaterThanOrEqual(500)
    }
    expect(table.stdout).toContain('9 of 11 checks passed.')
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
