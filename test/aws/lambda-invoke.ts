import { randomUUID } from 'node:crypto'
import type {
  APIGatewayProxyEvent,
  APIGatewayProxyEventV2,
  APIGatewayProxyResult,
  APIGatewayProxyStructuredResultV2,
  Context,
} from 'aws-lambda'

/** The event shapes API Gateway and Lambda send to the function. */
export const EVENT_KINDS = ['httpApi', 'rest', 'functionUrl'] as const
export type EventKind = (typeof EVENT_KINDS)[number]

export type LambdaHandler = (event: never, context: Context) => Promise<unknown>
export type FetchTarget = (request: Request) => Promise<Response>

/**
 * Calls a Lambda handler the way API Gateway or a Function URL would for this request,
 * and turns its result back into a `Response`. With `base64`, the body travels
 * base64-encoded, as API Gateway sends binary media types and Function URLs may.
 */
export function lambdaTarget(
  handler: LambdaHandler,
  kind: EventKind,
  options: { base64?: boolean } = {},
): FetchTarget {
  return async (request) => {
    const event = await lambdaEvent(request, kind, options)
    const result = (await handler(event as never, lambdaContext())) as
      | APIGatewayProxyResult
      | APIGatewayProxyStructuredResultV2
    return toResponse(result)
  }
}

/** The event API Gateway or a Function URL would send the function for this request. */
export async function lambdaEvent(
  request: Request,
  kind: EventKind,
  options: { base64?: boolean } = {},
): Promise<APIGatewayProxyEvent | APIGatewayProxyEventV2> {
  const text = request.body === null ? null : await request.text()
  const isBase64Encoded = Boolean(options.base64 && text)
  const body = isBase64Encoded ? Buffer.from(text ?? '').toString('base64') : text
  const headers = withGatewayHeaders(request, text, kind)
  return kind === 'rest'
    ? restEvent(request, headers, body, isBase64Encoded)
    : httpApiEvent(request, headers, body, isBase64Encoded, kind)
}

// The client's address as API Gateway reports it, from the range kept for documentation.
const CLIENT_IP = '203.0.113.7'
const FUNCTION_URL_DOMAIN = 'abc123.lambda-url.us-east-1.on.aws'

/**
 * The request's headers as they reach the function: the client's own (with the
 * `content-length` of the body it sent, before any base64 encoding) and those API Gateway
 * and Function URLs set on every request, replacing any the client sent.
 */
function withGatewayHeaders(request: Request, text: string | null, kind: EventKind) {
  const headers = new Headers(request.headers)
  if (text !== null) headers.set('content-length', String(Buffer.byteLength(text)))
  headers.set('host', domainOf(request, kind))
  headers.set('x-amzn-trace-id', `Root=1-${Date.now().toString(16)}-${randomUUID().slice(0, 24)}`)
  headers.set('x-forwarded-for', CLIENT_IP)
  headers.set('x-forwarded-port', '443')
  headers.set('x-forwarded-proto', 'https')
  return headers
}

// API Gateway serves the webhook under a custom domain, here the request's own host.
function domainOf(request: Request, kind: EventKind): string {
  return kind === 'functionUrl' ? FUNCTION_URL_DOMAIN : new URL(request.url).host
}

function httpApiEvent(
  request: Request,
  requestHeaders: Headers,
  body: string | null,
  isBase64Encoded: boolean,
  kind: EventKind,
): APIGatewayProxyEventV2 {
  const url = new URL(request.url)
  const isFunctionUrl = kind === 'functionUrl'
  const routeKey = isFunctionUrl ? '$default' : `${request.method} ${url.pathname}`
  const headers: Record<string, string> = {}
  // Payload 2.0 lowercases header names and joins repeated headers with commas.
  requestHeaders.forEach((value, name) => {
    headers[name] = value
  })

  return {
    version: '2.0',
    routeKey,
    rawPath: url.pathname,
    rawQueryString: url.search.slice(1),
    headers,
    requestContext: {
      accountId: isFunctionUrl ? 'anonymous' : '123456789012',
      apiId: 'abc123',
      domainName: domainOf(request, kind),
      domainPrefix: 'abc123',
      http: {
        method: request.method,
        path: url.pathname,
        protocol: 'HTTP/1.1',
        sourceIp: CLIENT_IP,
        userAgent: request.headers.get('user-agent') ?? '',
      },
      requestId: randomUUID(),
      routeKey,
      stage: '$default',
      time: new Date().toUTCString(),
      timeEpoch: Date.now(),
    },
    ...(body === null ? {} : { body }),
    isBase64Encoded,
  }
}

function restEvent(
  request: Request,
  requestHeaders: Headers,
  body: string | null,
  isBase64Encoded: boolean,
): APIGatewayProxyEvent {
  const url = new URL(request.url)
  const headers: Record<string, string> = {}
  const multiValueHeaders: Record<string, string[]> = {}
  // Payload 1.0 keeps the client's spelling of header names: send them Title-Cased.
  requestHeaders.forEach((value, name) => {
    const spelled = name.replace(
      /(^|-)([a-z])/g,
      (_, dash: string, c: string) => dash + c.toUpperCase(),
    )
    headers[spelled] = value
    multiValueHeaders[spelled] = [value]
  })

  return {
    resource: url.pathname,
    path: url.pathname,
    httpMethod: request.method,
    headers,
    multiValueHeaders,
    queryStringParameters: null,
    multiValueQueryStringParameters: null,
    pathParameters: null,
    stageVariables: null,
    requestContext: {
      accountId: '123456789012',
      apiId: 'abc123',
      authorizer: undefined,
      domainName: url.host,
      httpMethod: request.method,
      identity: { sourceIp: CLIENT_IP } as APIGatewayProxyEvent['requestContext']['identity'],
      path: `/prod${url.pathname}`,
      protocol: 'HTTP/1.1',
      requestId: randomUUID(),
      requestTimeEpoch: Date.now(),
      resourceId: 'res123',
      resourcePath: url.pathname,
      stage: 'prod',
    },
    body,
    isBase64Encoded,
  }
}

function lambdaContext(): Context {
  return {
    awsRequestId: randomUUID(),
    callbackWaitsForEmptyEventLoop: true,
    functionName: 'corbado-webhook',
    functionVersion: '$LATEST',
    invokedFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:corbado-webhook',
    logGroupName: '/aws/lambda/corbado-webhook',
    logStreamName: 'test',
    memoryLimitInMB: '1024',
    // serverless.yml gives the function 6 s.
    getRemainingTimeInMillis: () => 6000,
    done: () => {},
    fail: () => {},
    succeed: () => {},
  }
}

function toResponse(result: APIGatewayProxyResult | APIGatewayProxyStructuredResultV2): Response {
  const headers = new Headers()
  for (const [name, value] of Object.entries(result.headers ?? {})) headers.set(name, String(value))
  if ('multiValueHeaders' in result) {
    for (const [name, values] of Object.entries(result.multiValueHeaders ?? {})) {
      for (const value of values) headers.append(name, String(value))
    }
  }
  const body = result.isBase64Encoded
    ? Buffer.from(result.body ?? '', 'base64')
    : (result.body ?? null)
  return new Response(body, { status: result.statusCode ?? 200, headers })
}
