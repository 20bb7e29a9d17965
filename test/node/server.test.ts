import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { connect } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, describe, expect, it } from 'vitest'
import { DEMO_CREDENTIALS, DEMO_USERS } from '../../shared/demo/demo-users'
import { defaultVerifiers } from '../../shared/passwords/verifiers'
import { checkHash } from '../../shared/passwords/verify-password'
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

const REAL_CREDENTIALS = {
  WEBHOOK_USERNAME: CONFORMANCE_CREDENTIALS.username,
  WEBHOOK_PASSWORD: CONFORMANCE_CREDENTIALS.password,
}
const COST_4_HASH = '$2b$04$b5/CwNDuHMWtLRhRscesW.vTvtd6ce5pqA92jrybyLW8GwxWter1W'
const COST_10_HASH = DEMO_USERS[0]?.passwordHash as string
// The users the server loads: it refuses at start a hash no verifier knows or one that
// its verifier's check refuses, as tested below.
const KNOWN_HASH_USERS = CONFORMANCE_USERS.filter(
  (user) => !('passwordHash' in user) || isUsable(user.passwordHash),
)
function isUsable(hash: string): boolean {
  try {
    checkHash(hash, defaultVerifiers)
    return true
  } catch {
    return false
  }
}
const goodUsersFile = usersFile('conformance.json', JSON.stringify(KNOWN_HASH_USERS))

const servers: RunningServer[] = []
async function start(env: Record<string, string>): Promise<RunningServer> {
  const server = await startNodeServer(env)
  servers.push(server)
  return server
}
afterAll(async () => {
  await Promise.all(servers.map((server) => server.stop()))
  // The users files hold password hashes: they do not outlive the tests.
  rmSync(dir, { recursive: true, force: true })
})

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

describe('Node server users file', () => {
  it('reads a users file that starts with a byte order mark', async () => {
    const path = usersFile('bom.json', `\uFEFF${JSON.stringify(KNOWN_HASH_USERS)}`)

    const server = await start({ ...REAL_CREDENTIALS, USERS_FILE: path })

    expect(server.output()).toContain(`(${KNOWN_HASH_USERS.length} users)`)
  })

  it('refuses to start on a damaged hash of a known format, naming the row', async () => {
    const rows = [{ username: 'cut@example.com', passwordHash: COST_4_HASH.slice(0, -5) }]
    const path = usersFile('damaged.json', JSON.stringify(rows))

    const { code, output } = await runNodeServerToExit({ ...REAL_CREDENTIALS, USERS_FILE: path })

    expect(code).toBe(1)
    expect(output).toContain('row 0: passwordHash cannot be used: bcrypt hash is malformed')
    expect(output).not.toContain(COST_4_HASH.slice(7, 30))
  })

  it('refuses to start on a row with a key that is no field, naming the row and key', async () => {
    const rows = [{ username: 'ok@example.com' }, { username: 'x@example.com', state: 'blocked' }]
    const path = usersFile('misnamed.json', JSON.stringify(rows))

    const { code, output } = await runNodeServerToExit({ ...REAL_CREDENTIALS, USERS_FILE: path })

    expect(code).toBe(1)
    expect(output).toContain('row 1: "state" is not a field; the fields are username, aliases')
    expect(output).not.toContain('listening')
  })
})

describe('Node server output', () => {
  it('holds no password, hash or webhook credential of the calls it answered', async () => {
    const wrongPassword = 'wrong-7c1f0e2a-password'
    const server = await start({
      ...REAL_CREDENTIALS,
      USERS_FILE: goodUsersFile,
      LOG_LEVEL: 'debug',
    })
    const send = forwardTo(server.url)
    const wrongCredentials = { username: 'corbado-webhook', password: 'guess-5d9b3c71' }

    const answers = await Promise.all([
      send(passwordVerifyCall('existing@existing.com', 'supersecret')),
      send(passwordVerifyCall('existing@existing.com', wrongPassword)),
      send(passwordVerifyCall('nobody@example.com', wrongPassword)),
      send(passwordVerifyCall('existing@existing.com', wrongPassword, { action: 'authMethods' })),
      send(
        passwordVerifyCall('existing@existing.com', 'supersecret', {
          credentials: wrongCredentials,
        }),
      ),
    ])
    await server.stop()
    const output = server.output()

    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 400, 401])
    expect(output.match(/"msg":"webhook request"/g)).toHaveLength(answers.length)
    for (const secret of [
      'supersecret',
      wrongPassword,
      CONFORMANCE_CREDENTIALS.password,
      wrongCredentials.password,
      btoa(`${CONFORMANCE_CREDENTIALS.username}:`).slice(0, 16),
      COST_4_HASH.slice(7),
    ]) {
      expect(output).not.toContain(secret)
    }
  })
})

describe('Node server timing hash', () => {
  const cost4Users = usersFile(
    'cost-4.json',
    JSON.stringify(
      ['a', 'b', 'c'].map((name) => ({
        username: `${name}@example.com`,
        passwordHash: COST_4_HASH,
      })),
    ),
  )

  it('warns once when most hashes differ in cost from the timing hash', async () => {
    const server = await start({ ...REAL_CREDENTIALS, USERS_FILE: cost4Users })
    await server.stop()

    const warnings = server.output().match(/.*the timing hash is.*/g) ?? []
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toContain("3 of 3 users' hashes are bcrypt cost 4")
    expect(warnings[0]).toContain('the timing hash is bcrypt cost 10')
    expect(warnings[0]).toContain('Set TIMING_HASH')
    expect(warnings[0]).not.toContain(COST_4_HASH.slice(7))
  })

  it.each([
    ['a TIMING_HASH of the same cost', { USERS_FILE: cost4Users, TIMING_HASH: COST_4_HASH }],
    [
      'users of the default cost',
      {
        USERS_FILE: usersFile(
          'cost-10.json',
          JSON.stringify([{ username: 'a', passwordHash: COST_10_HASH }]),
        ),
      },
    ],
  ])('does not warn with %s', async (_, env) => {
    const server = await start({ ...REAL_CREDENTIALS, ...env })
    await server.stop()

    expect(server.output()).toContain('listening')
    expect(server.output()).not.toContain('timing hash')
  })
})

describe('Node server, requests its HTTP parser refuses', () => {
  /** Sends raw bytes and resolves with everything the server answers before closing. */
  function sendRaw(url: string, raw: string): Promise<string> {
    const { hostname, port } = new URL(url)
    return new Promise((resolve, reject) => {
      const socket = connect(Number(port), hostname, () => socket.end(raw))
      let answer = ''
      socket.setEncoding('utf8')
      socket.on('data', (chunk) => {
        answer += chunk
      })
      socket.on('end', () => resolve(answer))
      socket.on('error', reject)
    })
  }

  it.each([
    ['a malformed Content-Length', 'Content-Length: abc\r\n', 400, 'bad_request'],
    ['headers over the limit', `X-Padding: ${'x'.repeat(20_000)}\r\n`, 431, 'headers_too_large'],
  ])('answers %s with the protocol error body', async (_, header, status, code) => {
    const server = await start({
      ...REAL_CREDENTIALS,
      USERS_FILE: goodUsersFile,
      LOG_LEVEL: 'warn',
    })

    const answer = await sendRaw(server.url, `POST /webhook HTTP/1.1\r\nHost: x\r\n${header}\r\n`)
    await server.stop()

    const [head = '', body = ''] = answer.split('\r\n\r\n')
    expect(head).toMatch(new RegExp(`^HTTP/1.1 ${status} `))
    expect(head).toContain('Content-Type: application/json; charset=utf-8')
    expect(JSON.parse(body).error.code).toBe(code)
    expect(server.output()).toContain(`"outcome":"${code}"`)
  })
})
