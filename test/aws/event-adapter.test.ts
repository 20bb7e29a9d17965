import type { APIGatewayProxyEvent, APIGatewayProxyEventV2, Context } from 'aws-lambda'
import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { handleEvents } from '../../functions/aws/event-adapter'
import type { AppEnv } from '../../shared/app/app-env'

// The adapter on an app that echoes what it reads, so that each test sees what a request
// hands the app and what becomes of each kind of response.
const app = new Hono<AppEnv>()
app.all('/echo', async (c) => {
  const body = await c.req.text()
  return c.json({
    method: c.req.method,
    url: c.req.url,
    cookie: c.req.header('cookie') ?? null,
    accept: c.req.header('Accept') ?? null,
    body,
  })
})
app.post('/bytes', async (c) => c.json({ bytes: [...new Uint8Array(await c.req.arrayBuffer())] }))
app.post('/form', async (c) => c.json(await c.req.parseBody()))
app.post('/signal-first', async (c) => {
  const isAborted = c.req.raw.signal.aborted
  return c.json({ isAborted, body: await c.req.text() })
})
app.get('/binary', (c) =>
  c.body(new Uint8Array([0, 1, 254, 255]), 200, { 'Content-Type': 'image/png' }),
)
app.get('/cookies', (c) => {
  c.header('Set-Cookie', 'a=1', { append: true })
  c.header('Set-Cookie', 'b=2', { append: true })
  return c.text('set')
})
app.get('/fetch-json', () => Response.json({ made: 'by Response.json' }, { status: 201 }))

const handle = handleEvents(app)
const CONTEXT = { awsRequestId: 'adapter-test' } as Context

function httpApiEvent(overrides: Partial<APIGatewayProxyEventV2> = {}): APIGatewayProxyEventV2 {
  const method = overrides.requestContext?.http.method ?? 'GET'
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: '/echo',
    rawQueryString: '',
    headers: { host: 'api.example.com' },
    isBase64Encoded: false,
    ...overrides,
    requestContext: {
      domainName: 'api.example.com',
      http: { method, path: overrides.rawPath ?? '/echo' },
    } as APIGatewayProxyEventV2['requestContext'],
  }
}

function restEvent(overrides: Partial<APIGatewayProxyEvent> = {}): APIGatewayProxyEvent {
  return {
    resource: '/echo',
    path: '/echo',
    httpMethod: 'GET',
    headers: { Host: 'api.example.com' },
    multiValueHeaders: { Host: ['api.example.com'] },
    queryStringParameters: null,
    multiValueQueryStringParameters: null,
    pathParameters: null,
    stageVariables: null,
    requestContext: { domainName: 'api.example.com' } as APIGatewayProxyEvent['requestContext'],
    body: null,
    isBase64Encoded: false,
    ...overrides,
  }
}

const json = (result: { body: string }) => JSON.parse(result.body)

describe('the Lambda event adapter', () => {
  it('hands the app the URL with the raw query of a payload 2.0 event', async () => {
    const result = await handle(httpApiEvent({ rawQueryString: 'a=1&a=2&b=x%20y' }), CONTEXT)

    expect(json(result).url).toBe('https://api.example.com/echo?a=1&a=2&b=x%20y')
  })

  it('hands the app the URL with every query value of a payload 1.0 event', async () => {
    const event = restEvent({
      queryStringParameters: { a: '2', b: 'x y' },
      multiValueQueryStringParameters: { a: ['1', '2'], b: ['x y'] },
    })

    const result = await handle(event, CONTEXT)

    expect(json(result).url).toBe('https://api.example.com/echo?a=1&a=2&b=x+y')
  })

  it('joins repeated headers of a payload 1.0 event, whatever their spelling', async () => {
    const event = restEvent({
      headers: { Host: 'api.example.com', Accept: 'text/html' },
      multiValueHeaders: { Host: ['api.example.com'], Accept: ['text/html', 'application/json'] },
    })

    const result = await handle(event, CONTEXT)

    expect(json(result).accept).toBe('text/html, application/json')
  })

  it('hands the cookies of a payload 2.0 event over as one Cookie header', async () => {
    const result = await handle(httpApiEvent({ cookies: ['a=1', 'b=2'] }), CONTEXT)

    expect(json(result).cookie).toBe('a=1; b=2')
  })

  it('decodes a base64 body into the bytes that were sent', async () => {
    const bytes = [0, 1, 127, 128, 254, 255]
    const event = httpApiEvent({
      rawPath: '/bytes',
      requestContext: { http: { method: 'POST' } } as APIGatewayProxyEventV2['requestContext'],
      headers: { host: 'api.example.com', 'content-length': String(bytes.length) },
      body: Buffer.from(bytes).toString('base64'),
      isBase64Encoded: true,
    })

    const result = await handle(event, CONTEXT)

    expect(json(result).bytes).toEqual(bytes)
  })

  it('reads a form body, which Fetch parses', async () => {
    const body = 'name=Ada&role=admin'
    const event = httpApiEvent({
      rawPath: '/form',
      requestContext: { http: { method: 'POST' } } as APIGatewayProxyEventV2['requestContext'],
      headers: {
        host: 'api.example.com',
        'content-type': 'application/x-www-form-urlencoded',
        'content-length': String(body.length),
      },
      body,
    })

    const result = await handle(event, CONTEXT)

    expect(json(result)).toEqual({ name: 'Ada', role: 'admin' })
  })

  it('reads the body after the request was asked for what only Fetch has', async () => {
    const body = '{"hello":"world"}'
    const event = httpApiEvent({
      rawPath: '/signal-first',
      requestContext: { http: { method: 'POST' } } as APIGatewayProxyEventV2['requestContext'],
      headers: { host: 'api.example.com', 'content-length': String(body.length) },
      body,
    })

    const result = await handle(event, CONTEXT)

    expect(json(result)).toEqual({ isAborted: false, body })
  })

  it('answers a binary body base64-encoded, with its content type', async () => {
    const result = await handle(httpApiEvent({ rawPath: '/binary' }), CONTEXT)

    expect(result.isBase64Encoded).toBe(true)
    expect([...Buffer.from(result.body, 'base64')]).toEqual([0, 1, 254, 255])
    expect(result.headers['content-type']).toBe('image/png')
  })

  it('answers Set-Cookie as cookies for payload 2.0 and multi-value headers for 1.0', async () => {
    const v2 = await handle(httpApiEvent({ rawPath: '/cookies' }), CONTEXT)
    const v1 = await handle(restEvent({ path: '/cookies' }), CONTEXT)

    expect(v2.cookies).toEqual(['a=1', 'b=2'])
    expect(v1.multiValueHeaders?.['set-cookie']).toEqual(['a=1', 'b=2'])
    expect(v1.body).toBe('set')
  })

  it('answers with a response made by Response.json, a Fetch Response', async () => {
    const result = await handle(httpApiEvent({ rawPath: '/fetch-json' }), CONTEXT)

    expect(result.statusCode).toBe(201)
    expect(json(result)).toEqual({ made: 'by Response.json' })
    expect(result.headers['content-type']).toMatch(/^application\/json/)
  })

  it("answers the app's own text responses with their status and a text content type", async () => {
    const result = await handle(httpApiEvent({ rawPath: '/nowhere' }), CONTEXT)

    expect(result.statusCode).toBe(404)
    expect(result.headers['content-type']).toMatch(/^text\/plain/)
    expect(result.isBase64Encoded).toBe(false)
  })
})
