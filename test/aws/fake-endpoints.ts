import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface FakeEndpoint {
  url: string
  /** How many requests arrived. */
  requests(): number
  /** How many connections are open now. */
  openConnections(): Promise<number>
  close(): Promise<void>
}

async function listen(server: Server, counter: { count: number }): Promise<FakeEndpoint> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    requests: () => counter.count,
    openConnections: () =>
      new Promise((resolve, reject) =>
        server.getConnections((error, count) => (error ? reject(error) : resolve(count))),
      ),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

/**
 * MOCK of a throttled DynamoDB: dynalite cannot be made to throttle, so this endpoint
 * answers every call as DynamoDB does when a table is over its capacity.
 */
export function startThrottlingDynamoDb(): Promise<FakeEndpoint> {
  const counter = { count: 0 }
  const server = createServer((request, response) => {
    counter.count += 1
    request.resume()
    response.writeHead(400, { 'content-type': 'application/x-amz-json-1.0' })
    response.end(
      JSON.stringify({
        __type: 'com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException',
        message: 'The level of configured provisioned throughput for the table was exceeded.',
      }),
    )
  })
  return listen(server, counter)
}

/** MOCK of an AWS endpoint (DynamoDB, Parameter Store) that takes the request and never answers. */
export function startSilentEndpoint(): Promise<FakeEndpoint> {
  const counter = { count: 0 }
  const server = createServer((request) => {
    counter.count += 1
    request.resume()
  })
  return listen(server, counter)
}

/**
 * MOCK of an AWS endpoint that starts its answer and never finishes it: it sends the
 * status line and headers, then nothing. The SDK's attempt timeouts end at the headers,
 * so only an overall deadline stops the wait.
 */
export function startStallingEndpoint(): Promise<FakeEndpoint> {
  const counter = { count: 0 }
  const server = createServer((request, response) => {
    counter.count += 1
    request.resume()
    response.writeHead(200, { 'content-type': 'application/x-amz-json-1.1' })
    response.write('{')
  })
  return listen(server, counter)
}

/**
 * MOCK of a Parameter Store that refuses the function's role, as SSM answers a
 * `GetParameters` the role's policy does not allow.
 */
export function startRefusingParameterStore(): Promise<FakeEndpoint> {
  const counter = { count: 0 }
  const server = createServer((request, response) => {
    counter.count += 1
    refuseAccess(request, response)
  })
  return listen(server, counter)
}

function refuseAccess(request: IncomingMessage, response: ServerResponse): void {
  request.resume()
  response.writeHead(400, { 'content-type': 'application/x-amz-json-1.1' })
  response.end(
    JSON.stringify({
      __type: 'AccessDeniedException',
      message: 'User is not authorized to perform: ssm:GetParameters',
    }),
  )
}

/** A loopback URL where nothing listens: the port was free a moment ago. */
export async function closedPortUrl(): Promise<string> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  await new Promise((resolve) => server.close(resolve))
  return `http://127.0.0.1:${port}`
}

/**
 * MOCK of SSM Parameter Store (no local emulator exists): answers `GetParameters` from
 * `parameters`, listing unknown names as invalid, as the real service does. With
 * `refuseFirst`, that many calls are first refused as the real service refuses a role
 * without the grant.
 */
export function startFakeParameterStore(
  parameters: Record<string, string>,
  options: { refuseFirst?: number } = {},
): Promise<FakeEndpoint & { lastNames(): string[] }> {
  const counter = { count: 0 }
  let lastNames: string[] = []
  const server = createServer((request, response) => {
    counter.count += 1
    if (counter.count <= (options.refuseFirst ?? 0)) {
      refuseAccess(request, response)
      return
    }
    let text = ''
    request.on('data', (chunk) => {
      text += chunk
    })
    request.on('end', () => {
      const { Names = [] } = JSON.parse(text) as { Names?: string[] }
      lastNames = Names
      response.writeHead(200, { 'content-type': 'application/x-amz-json-1.1' })
      response.end(
        JSON.stringify({
          Parameters: Names.filter((name) => name in parameters).map((name) => ({
            Name: name,
            Type: 'SecureString',
            Value: parameters[name],
          })),
          InvalidParameters: Names.filter((name) => !(name in parameters)),
        }),
      )
    })
  })
  return listen(server, counter).then((endpoint) => ({ ...endpoint, lastNames: () => lastNames }))
}
