import { afterEach, describe, expect, it } from 'vitest'
import { type Faults, type RunningServer, startReferenceServer } from './reference-server'
import { check, failedChecks, problemsOf, referenceArgs } from './run'

const FIRST_CHECK = 'passwordVerify accepts the valid password'

let server: RunningServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

async function checkServer(faults: Faults, extra: string[] = []) {
  server = await startReferenceServer(faults)
  return check(referenceArgs(server.url, ['--json', ...extra]))
}

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
    server = await startReferenceServer()
    const url = server.url
    await server.close()
    server = undefined

    const { exitCode, stdout } = await check(referenceArgs(url, ['--json']))

    expect(exitCode).toBe(1)
    expect(failedChecks(stdout)).toHaveLength(11)
    expect(problemsOf(stdout, FIRST_CHECK)).toEqual(['request failed: ECONNREFUSED'])
  })
})
