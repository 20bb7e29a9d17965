import { randomUUID } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

/** The webhook credential and the one user the reference server knows. */
export const REFERENCE = {
  username: 'corbado',
  password: 'webhook-secret-4711',
  validUser: 'existing@existing.com',
  validPassword: 'supersecret',
  unknownUser: 'nonexisting@nonexisting.com',
} as const

/** Ways to break the reference server, one per fault the checker must catch. */
export interface Faults {
  isUnknownUserFound?: boolean
  /** Answers every call about the unknown user with this status and an error body. */
  unknownUserStatus?: number
  isAuthSkipped?: boolean
  delayMs?: number
  /** Delays only the POSTs whose X-Corbado-Action is `action`. */
  slowAction?: { action: string; delayMs: number }
  isBodyText?: boolean
  isResponseIdOmitted?: boolean
  /** Refuses wrong credentials with 401 but without WWW-Authenticate. */
  isChallengeOmitted?: boolean
  isBodyActionIgnored?: boolean
  /** Refuses a GET with 405 but without the Allow header. */
  isAllowOmitted?: boolean
  /** Answers every call with a 308 to this URL. */
  redirectTo?: string
  /** Answers every call with a 500 that quotes the request body, password included. */
  isRequestEchoed?: boolean
}

export interface RunningServer {
  url: string
  close(): Promise<void>
}

/** Starts a small webhook on 127.0.0.1 that follows protocol.md, unless told to break. */
export async function startReferenceServer(faults: Faults = {}): Promise<RunningServer> {
  const server = createServer((request, response) => {
    readBody(request).then((body) => answer(request, body, response, faults))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))

  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/webhook`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve())
        // Keep-alive sockets of fetch would hold close() open for seconds otherwise.
        server.closeAllConnections()
      }),
  }
}

async function answer(
  request: IncomingMessage,
  text: string,
  response: ServerResponse,
  faults: Faults,
) {
  if (faults.delayMs) await sleep(faults.delayMs)
  const { slowAction } = faults
  const action = request.headers['x-corbado-action']
  if (slowAction && request.method === 'POST' && action === slowAction.action) {
    await sleep(slowAction.delayMs)
  }
  if (faults.redirectTo) {
    response.writeHead(308, { Location: faults.redirectTo })
    return response.end()
  }
  if (faults.isRequestEchoed) return send(response, 500, { error: { code: 'x', message: text } })

  if (request.method !== 'POST') {
    if (!faults.isAllowOmitted) response.setHeader('Allow', 'POST')
    return refuse(response, 405, 'method_not_allowed')
  }
  const expected = `Basic ${Buffer.from(`${REFERENCE.username}:${REFERENCE.password}`).toString('base64')}`
  if (!faults.isAuthSkipped && request.headers.authorization !== expected) {
    if (!faults.isChallengeOmitted) response.setHeader('WWW-Authenticate', 'Basic realm="webhook"')
    return refuse(response, 401, 'unauthorized')
  }
  if (action !== 'authMethods' && action !== 'passwordVerify') {
    return refuse(response, 400, 'invalid_action')
  }

  const body = JSON.parse(text) as { action: string; data: { username: string; password?: string } }
  if (body.action !== action && !faults.isBodyActionIgnored)
    return refuse(response, 400, 'action_mismatch')
  const { data } = body
  if (faults.unknownUserStatus && data.username === REFERENCE.unknownUser) {
    return refuse(response, faults.unknownUserStatus, 'not_found')
  }
  const isKnown = data.username === REFERENCE.validUser || !!faults.isUnknownUserFound
  const result =
    action === 'authMethods'
      ? { status: isKnown ? 'exists' : 'not_exists' }
      : { success: isKnown && data.password === REFERENCE.validPassword }

  if (faults.isBodyText) {
    response.writeHead(200, { 'Content-Type': 'text/plain' })
    return response.end(`OK ${Object.values(result).join(' ')}`)
  }
  const responseID = faults.isResponseIdOmitted ? undefined : randomUUID()
  send(response, 200, { responseID, data: result })
}

function sleep(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms))
}

function refuse(response: ServerResponse, status: number, code: string) {
  send(response, status, { error: { code, message: `refused: ${code}` } })
}

function send(response: ServerResponse, status: number, body: unknown) {
  response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' })
  response.end(JSON.stringify(body))
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of request) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}
