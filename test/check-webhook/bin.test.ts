import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { REFERENCE } from './reference-server'
import { useReferenceServer } from './run'

const BIN = fileURLToPath(new URL('../../bin/corbado-webhook-check.js', import.meta.url))

const { startServer } = useReferenceServer()

describe('the corbado-webhook-check bin', () => {
  it('runs the checks from any directory with secrets from the environment', async () => {
    const server = await startServer()
    const env = {
      PATH: process.env.PATH,
      WEBHOOK_URL: server.url,
      WEBHOOK_AUTH: `${REFERENCE.username}:${REFERENCE.password}`,
      CHECK_VALID_USER: REFERENCE.validUser,
      CHECK_VALID_PASSWORD: REFERENCE.validPassword,
      CHECK_UNKNOWN_USER: REFERENCE.unknownUser,
    }

    const { stdout } = await promisify(execFile)(process.execPath, [BIN, '--json'], {
      cwd: '/',
      env,
    })

    expect(JSON.parse(stdout)).toMatchObject({ isPassed: true })
  })

  it('exits 2 with a message when the options are wrong', async () => {
    const run = promisify(execFile)(process.execPath, [BIN, '--url', 'ftp://x'], { cwd: '/' })

    await expect(run).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--url must be http or https, not ftp:'),
    })
  })
})
