import { connect } from 'node:net'
import { describe, expect, it } from 'vitest'
import { passwordVerifyCall } from '../conformance/requests'
import { CONFORMANCE_CREDENTIALS } from '../conformance/suite'
import { forwardTo, runNodeServerToExit } from '../support/node-server'
import {
  COST_4_HASH,
  COST_10_HASH,
  KNOWN_HASH_USERS,
  REAL_CREDENTIALS,
  useServers,
} from './server-setup'

const { usersFile, start, goodUsersFile } = useServers()

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
