import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, request } from 'node:http'
import { connect } from 'node:net'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { answerClientError } from '../../functions/node/client-error'
import { createJsonLogger } from '../../shared/app/logger'
import { CONFORMANCE_CREDENTIALS, CONFORMANCE_USERS, EXISTING_USER } from '../conformance/fixtures'
import { basicAuthorization, callBody } from '../conformance/requests'
import { type RunningServer, startNodeServer } from '../support/node-server'

const usersFile = join(mkdtempSync(join(tmpdir(), 'webhook-refusals-')), 'users.json')
// The existing user alone: the calls below need no other.
writeFileSync(usersFile, JSON.stringify(CONFORMANCE_USERS.slice(0, 1)))

let server: RunningServer
beforeAll(async () => {
  server = await startNodeServer({
    WEBHOOK_USERNAME: CONFORMANCE_CREDENTIALS.username,
    WEBHOOK_PASSWORD: CONFORMANCE_CREDENTIALS.password,
    USERS_FILE: usersFile,
    LOG_LEVEL: 'debug',
  })
})
afterAll(async () => {
  await server?.stop()
  // The file holds a password hash: it does not outlive the tests.
  rmSync(dirname(usersFile), { recursive: true, force: true })
})

/** Posts `body` to the server in two chunks, so it travels chunked, without a length. */
function postChunked(action: string, body: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const outgoing = request(`${server.url}/webhook`, {
      method: 'POST',
      headers: {
        Authorization: basicAuthorization(CONFORMANCE_CREDENTIALS),
        'Content-Type': 'application/json',
        'X-Corbado-Action': action,
      },
    })
    outgoing.on('response', (response) => {
      let text = ''
      response.setEncoding('utf8')
      response.on('data', (chunk) => {
        text += chunk
      })
      response.on('end', () => resolve({ status: response.statusCode ?? 0, text }))
    })
    outgoing.on('error', reject)
    const middle = Math.floor(body.length / 2)
    outgoing.write(body.slice(0, middle))
    outgoing.end(body.slice(middle))
  })
}

/** An authMethods body for the existing user, padded with trailing spaces to `bytes`. */
function paddedBody(bytes: number): string {
  return JSON.stringify(callBody('authMethods', { username: EXISTING_USER })).padEnd(bytes, ' ')
}

describe('the Node server with a chunked body', () => {
  // 16 * 1024 spelled out rather than MAX_BODY_BYTES, so a changed limit fails here.
  it('reads a body of exactly 16 KiB', async () => {
    const answer = await postChunked('authMethods', paddedBody(16 * 1024))

    expect(answer.status).toBe(200)
    expect(JSON.parse(answer.text).data).toEqual({ status: 'exists' })
  })

  it('refuses a body one byte over 16 KiB with 413', async () => {
    const answer = await postChunked('authMethods', paddedBody(16 * 1024 + 1))

    expect(answer.status).toBe(413)
    expect(JSON.parse(answer.text).error.code).toBe('body_too_large')
  })
})

describe('the Node server log', () => {
  it('holds no part of a body refused as not JSON', async () => {
    // JSON.parse quotes the text around an unquoted value in its message.
    const answer = await postChunked('passwordVerify', '{"data":{"password":supersecret}}')

    expect(answer.status).toBe(400)
    await expect.poll(() => server.output()).toContain('"outcome":"invalid_body"')
    expect(server.output()).not.toContain('supersecre')
  })
})

describe('a request that never finishes arriving', () => {
  it('is answered 408 request_timeout with the protocol error body', async () => {
    const lines: string[] = []
    // A short requestTimeout, checked often, stands in for Node's default of 300 s.
    const http = createServer({ requestTimeout: 200, connectionsCheckingInterval: 50 })
    http.on('clientError', answerClientError(createJsonLogger({ write: (l) => lines.push(l) })))
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve))
    const { port } = http.address() as { port: number }

    const socket = connect(port, '127.0.0.1')
    socket.write('POST /webhook HTTP/1.1\r\n')
    let answer = ''
    for await (const chunk of socket.setEncoding('utf8')) answer += chunk
    http.close()

    const [head = '', body = ''] = answer.split('\r\n\r\n')
    expect(head).toMatch(/^HTTP\/1\.1 408 Request Timeout\r\n/)
    expect(JSON.parse(body).error.code).toBe('request_timeout')
    expect(lines.join('')).toContain('"outcome":"request_timeout"')
  })
})
