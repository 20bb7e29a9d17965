import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { passwordVerifyCall } from '../conformance/requests'
import {
  CONFORMANCE_CREDENTIALS,
  CONFORMANCE_USERS,
  describeConformance,
} from '../conformance/suite'
import {
  forwardTo,
  type RunningServer,
  runNodeServerToExit,
  startNodeServer,
} from '../support/node-server'

const dir = mkdtempSync(join(tmpdir(), 'webhook-users-'))
function usersFile(name: string, content: string): string {
  const path = join(dir, name)
  writeFileSync(path, content)
  return path
}

const servers: RunningServer[] = []
afterAll(async () => {
  await Promise.all(servers.map((server) => server.stop()))
})

describeConformance('Node server over loopback HTTP', async () => {
  const server = await startNodeServer({
    WEBHOOK_USERNAME: CONFORMANCE_CREDENTIALS.username,
    WEBHOOK_PASSWORD: CONFORMANCE_CREDENTIALS.password,
    USERS_FILE: usersFile('conformance.json', JSON.stringify(CONFORMANCE_USERS)),
    LOG_LEVEL: 'silent',
  })
  servers.push(server)
  return forwardTo(server.url)
})

describe('Node server start', () => {
  it('runs on demo data without settings and answers the request it prints', async () => {
    const server = await startNodeServer({})
    servers.push(server)
    const [, user, password] = /-u '([^:]+):([^']+)'/.exec(server.output()) ?? []

    const request = passwordVerifyCall('existing@existing.com', 'supersecret', {
      credentials: { username: user as string, password: password as string },
    })
    const response = await forwardTo(server.url)(request)

    expect(server.output()).toContain('existing@existing.com / supersecret')
    expect((await response.json()).data).toEqual({ success: true })
  })

  it('does not print credentials that come from the environment', async () => {
    const server = await startNodeServer({
      WEBHOOK_USERNAME: 'real-user',
      WEBHOOK_PASSWORD: 'real-secret-password',
    })
    servers.push(server)

    expect(server.output()).not.toContain('real-secret-password')
  })

  it('refuses to start on a users file with bad rows, naming the file and rows', async () => {
    const path = usersFile(
      'bad.json',
      JSON.stringify([
        { username: 'ok@example.com' },
        { username: 'x@example.com', status: 'gone', passwordHash: '$2b$04$secrethashvalue' },
      ]),
    )

    const { code, output } = await runNodeServerToExit({ USERS_FILE: path })

    expect(code).toBe(1)
    expect(output).toContain(path)
    expect(output).toContain('row 1: status must be "active" or "blocked"')
    expect(output).not.toContain('secrethashvalue')
  })

  it.each([
    ['a missing users file', join(dir, 'missing.json'), 'cannot be read'],
    ['a users file that is not JSON', usersFile('broken.json', '[{"username":'), 'not valid JSON'],
    ['a users file that is not an array', usersFile('object.json', '{}'), 'JSON array'],
  ])('refuses to start on %s', async (_, path, reason) => {
    const { code, output } = await runNodeServerToExit({ USERS_FILE: path })

    expect(code).toBe(1)
    expect(output).toContain(path)
    expect(output).toContain(reason)
  })
})
