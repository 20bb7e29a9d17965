import { execFile } from 'node:child_process'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { DEMO_CREDENTIALS } from '../../shared/demo/demo-users'
import { passwordVerifyCall } from '../conformance/requests'
import { describeConformance } from '../conformance/suite'
import { forwardTo, runNodeServerToExit } from '../support/node-server'
import { KNOWN_HASH_USERS, REAL_CREDENTIALS, useServers } from './server-setup'

const { dir, usersFile, start, goodUsersFile } = useServers()

// The process reaches neither a failing store (its users live in memory, read at start)
// nor a state without credentials (it refuses to start then, as tested below), so it
// supplies no targets for those rows.
describeConformance(
  'Node server over loopback HTTP',
  async () => {
    const server = await start({
      ...REAL_CREDENTIALS,
      USERS_FILE: goodUsersFile,
      LOG_LEVEL: 'silent',
    })
    return forwardTo(server.url)
  },
  { isUnusableHashRefusedAtLoad: true },
)

describe('Node server start', () => {
  it('runs on demo data without settings and answers the curl command it prints', async () => {
    const server = await start({})
    const [, command] = /Try it:\n((?: {2}.*(?:\n|$))+)/.exec(server.output()) ?? []

    const { stdout } = await promisify(execFile)('sh', ['-c', command as string])

    expect(server.output()).toContain('existing@existing.com / supersecret')
    expect(JSON.parse(stdout)).toEqual({ responseID: expect.any(String), data: { success: true } })
  })

  it('runs on the demo credentials with HOST on another loopback address', async () => {
    const server = await start({ HOST: '127.0.0.2' })

    const request = passwordVerifyCall('existing@existing.com', 'supersecret', {
      credentials: DEMO_CREDENTIALS,
    })

    const response = await forwardTo(server.url)(request)

    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.2:\d+$/)
    expect((await response.json()).data).toEqual({ success: true })
  })

  it('does not print credentials that come from the environment', async () => {
    const server = await start({
      WEBHOOK_USERNAME: 'real-user',
      WEBHOOK_PASSWORD: 'real-secret-password',
      USERS_FILE: goodUsersFile,
    })

    expect(server.output()).not.toContain('real-secret-password')
  })

  it.each([
    [1, 'user'],
    [2, 'users'],
  ])('says at start that it read %i %s', async (count, noun) => {
    const users = KNOWN_HASH_USERS.slice(0, count)
    const file = usersFile(`${count}-users.json`, JSON.stringify(users))

    const server = await start({ ...REAL_CREDENTIALS, USERS_FILE: file })

    expect(server.output()).toMatch(new RegExp(`listening on \\S+ \\(${count} ${noun}\\)`))
  })

  it('names the port when another process already listens on it', async () => {
    const first = await start({})
    const { port } = new URL(first.url)

    const { code, output } = await runNodeServerToExit({ PORT: port })

    expect(code).toBe(1)
    expect(output).toContain(`Cannot start: port ${port} on 127.0.0.1 is in use; set PORT`)
    expect(output).not.toContain('    at ')
  })

  it('refuses to serve the demo users with real credentials', async () => {
    const { code, output } = await runNodeServerToExit({ ...REAL_CREDENTIALS, HOST: '0.0.0.0' })

    expect(code).toBe(1)
    expect(output).toContain('Cannot start: Set USERS_FILE')
    expect(output).not.toContain('listening')
  })

  it.each([
    ['a users file is set', { USERS_FILE: goodUsersFile }, 'USERS_FILE is set'],
    ['HOST is not loopback', { HOST: '0.0.0.0' }, 'HOST is 0.0.0.0'],
    ['only the username is set', { USERS_FILE: goodUsersFile, WEBHOOK_USERNAME: 'u' }, 'both'],
  ])('refuses to start on the public demo credentials when %s', async (_, env, reason) => {
    const { code, output } = await runNodeServerToExit(env)

    expect(code).toBe(1)
    expect(output).toContain('Cannot start')
    expect(output).toContain('WEBHOOK_USERNAME and WEBHOOK_PASSWORD')
    expect(output).toContain(reason)
    expect(output).not.toContain('listening')
  })

  it.each([
    [
      'a WEBHOOK_USERNAME with a colon',
      { WEBHOOK_USERNAME: 'corbado:webhook' },
      'must not contain ":"',
    ],
    [
      'a TIMING_HASH no verifier knows',
      { TIMING_HASH: '$md6$c2VjcmV0c2FsdA$c2VjcmV0aGFzaA' },
      'TIMING_HASH is in a format no verifier knows',
    ],
    [
      'a TIMING_HASH beyond the limits',
      { TIMING_HASH: `$2b$31$${'c2VjcmV0'.repeat(6)}c2VjV` },
      'TIMING_HASH cannot be used: bcrypt cost',
    ],
  ])('refuses to start on %s, naming the problem', async (_, env, problem) => {
    const { code, output } = await runNodeServerToExit({
      ...REAL_CREDENTIALS,
      USERS_FILE: goodUsersFile,
      ...env,
    })

    expect(code).toBe(1)
    expect(output).toContain(problem)
    expect(output).not.toContain('c2VjcmV0')
    expect(output).not.toContain('listening')
  })

  it('refuses to start on a users file with bad rows, naming the file and rows', async () => {
    const path = usersFile(
      'bad.json',
      JSON.stringify([
        { username: 'ok@example.com' },
        { username: 'x@example.com', status: 'gone', passwordHash: '$2b$04$secrethashvalue' },
        { username: 'y@example.com', passwordHash: '$md6$c2VjcmV0c2FsdA$c2VjcmV0aGFzaA' },
      ]),
    )

    const { code, output } = await runNodeServerToExit({ ...REAL_CREDENTIALS, USERS_FILE: path })

    expect(code).toBe(1)
    expect(output).toContain(path)
    expect(output).toContain('row 1: status must be "active" or "blocked"')
    expect(output).toContain('row 2: passwordHash is in a format no verifier knows')
    expect(output).not.toContain('secrethashvalue')
    expect(output).not.toContain('c2VjcmV0')
  })

  it('names the line and column where a users file stops being JSON, not its text', async () => {
    const path = usersFile(
      'broken-row.json',
      '[\n  {"username": "a@example.com"},\n  {"username": "b@example.com" "passwordHash": "$2b$04$hiddenhash"}\n]\n',
    )

    const { code, output } = await runNodeServerToExit({ ...REAL_CREDENTIALS, USERS_FILE: path })

    expect(code).toBe(1)
    expect(output).toContain(`USERS_FILE ${path} is not valid JSON at line 3, column 32.`)
    expect(output).not.toContain('hiddenhash')
  })

  it.each([
    ['a missing users file', join(dir, 'missing.json'), 'cannot be read'],
    [
      'a users file that is not JSON',
      usersFile('broken.json', '[{"username":'),
      'line 1, column 14',
    ],
    ['a users file that is not an array', usersFile('object.json', '{}'), 'JSON array'],
  ])('refuses to start on %s', async (_, path, reason) => {
    const { code, output } = await runNodeServerToExit({ ...REAL_CREDENTIALS, USERS_FILE: path })

    expect(code).toBe(1)
    expect(output).toContain(path)
    expect(output).toContain(reason)
  })
})
