import { describe, expect, it } from 'vitest'
import { createApp } from '../../shared/app/create-app'
import { createJsonLogger, type LogLevel } from '../../shared/app/logger'
import { MemoryStore } from '../../shared/store/memory-store'
import { parseUsers } from '../../shared/store/users-file'
import { CONFORMANCE_CREDENTIALS, CONFORMANCE_USERS } from '../conformance/fixtures'
import { authMethodsCall, basicAuthorization, passwordVerifyCall } from '../conformance/requests'

function appWithCapturedLog(level: LogLevel = 'debug') {
  const lines: string[] = []
  const app = createApp({
    credentials: CONFORMANCE_CREDENTIALS,
    store: new MemoryStore(parseUsers(CONFORMANCE_USERS).users),
    logger: createJsonLogger({ level, write: (line) => lines.push(line) }),
  })
  return { app, lines }
}

describe('request log', () => {
  it('writes one JSON line per request whose requestId is the responseID', async () => {
    const { app, lines } = appWithCapturedLog()

    const response = await app.fetch(passwordVerifyCall('existing@existing.com', 'supersecret'))

    const body = await response.json()
    expect(lines).toHaveLength(1)
    expect(JSON.parse(lines[0] as string)).toMatchObject({
      level: 'info',
      msg: 'webhook request',
      requestId: body.responseID,
      action: 'passwordVerify',
      callId: 'who-1234567890',
      outcome: 'verified',
      status: 200,
      durationMs: expect.any(Number),
    })
    expect(response.headers.get('X-Request-Id')).toBe(body.responseID)
  })

  it('logs refusals at warn with their error code', async () => {
    const { app, lines } = appWithCapturedLog()

    await app.fetch(authMethodsCall('existing@existing.com', { credentials: null }))

    expect(JSON.parse(lines[0] as string)).toMatchObject({
      level: 'warn',
      outcome: 'unauthorized',
      status: 401,
    })
  })

  it('writes one line for a request to an unknown path and one for a wrong method', async () => {
    const { app, lines } = appWithCapturedLog()

    await app.fetch(new Request('https://webhook.test/nowhere', { method: 'POST' }))
    await app.fetch(new Request('https://webhook.test/webhook', { method: 'GET' }))

    expect(lines.map((line) => JSON.parse(line))).toMatchObject([
      { level: 'warn', path: '/nowhere', outcome: 'not_found', status: 404 },
      { level: 'warn', path: '/webhook', outcome: 'method_not_allowed', status: 405 },
    ])
  })

  it('writes nothing below the configured level', async () => {
    const { app, lines } = appWithCapturedLog('warn')

    await app.fetch(authMethodsCall('existing@existing.com'))

    expect(lines).toEqual([])
  })

  it('logs no failure cause for a refused body, whose parse error may quote it', async () => {
    const { app, lines } = appWithCapturedLog('debug')
    // JSON.parse quotes the text around an unquoted value in its message.
    const rawBody = '{"data":{"password":supersecret}}'

    const response = await app.fetch(passwordVerifyCall('existing@existing.com', '', { rawBody }))

    expect(response.status).toBe(400)
    expect(lines).toHaveLength(1)
    expect(lines[0]).not.toContain('supersecre')
    expect(JSON.parse(lines[0] as string)).not.toHaveProperty('failure')
  })

  it('never logs a password, a hash or a webhook credential', async () => {
    const { app, lines } = appWithCapturedLog('debug')
    const secrets = ['supersecret', 'wrong-but-secret', CONFORMANCE_CREDENTIALS.password]
    const calls = [
      passwordVerifyCall('existing@existing.com', 'supersecret'),
      passwordVerifyCall('existing@existing.com', 'wrong-but-secret'),
      passwordVerifyCall('nonexisting@nonexisting.com', 'supersecret'),
      passwordVerifyCall('unsupported@existing.com', 'supersecret'),
      passwordVerifyCall('badcost@existing.com', 'supersecret'),
      passwordVerifyCall('existing@existing.com', 'supersecret', {
        rawBody: '{"password":"supersecret",',
      }),
      passwordVerifyCall('existing@existing.com', 'supersecret', { action: 'authMethods' }),
      authMethodsCall('existing@existing.com', {
        credentials: { username: 'corbado-webhook', password: 'wrong-but-secret' },
      }),
    ]

    for (const call of calls) await app.fetch(call)

    const output = lines.join('\n')
    expect(lines).toHaveLength(calls.length)
    for (const secret of secrets) expect(output).not.toContain(secret)
    expect(output).not.toContain(basicAuthorization(CONFORMANCE_CREDENTIALS).slice(6))
    for (const user of CONFORMANCE_USERS) {
      if ('passwordHash' in user) expect(output).not.toContain(user.passwordHash)
    }
  })
})
