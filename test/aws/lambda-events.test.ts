import { PutItemCommand } from '@aws-sdk/client-dynamodb'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MAX_BODY_BYTES } from '../../shared/app/defaults'
import { createDynamoDbClient } from '../../shared/store/dynamodb-client'
import { CONFORMANCE_CREDENTIALS, EXISTING_USER, PASSWORD } from '../conformance/fixtures'
import {
  authMethodsCall,
  callBody,
  passwordVerifyCall,
  webhookRequest,
} from '../conformance/requests'
import { loadBundleOnConformanceTable } from './bundle-handler'
import type { LocalDynamoDb } from './dynalite'
import { type EventKind, type LambdaHandler, lambdaEvent } from './lambda-invoke'

// Event details that the conformance suite's events never have, through the bundle.
let dynamo: LocalDynamoDb | undefined
let handler: LambdaHandler
let table: string

beforeAll(async () => {
  const loaded = await loadBundleOnConformanceTable({
    WEBHOOK_USERNAME: CONFORMANCE_CREDENTIALS.username,
    WEBHOOK_PASSWORD: CONFORMANCE_CREDENTIALS.password,
  })
  dynamo = loaded.dynamo
  handler = loaded.handler
  table = loaded.table
})

afterAll(() => dynamo?.close())

type Result = { statusCode: number; headers: Record<string, string>; body: string }

async function send(request: Request, kind: EventKind, change?: (event: never) => void) {
  const event = await lambdaEvent(request, kind)
  change?.(event as never)
  const context = { awsRequestId: 'events-test', getRemainingTimeInMillis: () => 6000 }
  return (await handler(event as never, context as never)) as Result
}

type MutableEvent = {
  headers: Record<string, string | undefined>
  multiValueHeaders?: Record<string, string[] | undefined>
  body: string | null
  isBase64Encoded: boolean
}

// Sets or (with undefined) removes the header in both places an event may hold it.
function setContentLength(event: MutableEvent, value: string | undefined) {
  for (const headers of [event.headers, event.multiValueHeaders ?? {}]) {
    for (const name of Object.keys(headers)) {
      if (name.toLowerCase() === 'content-length') delete headers[name]
    }
  }
  if (value === undefined) return
  event.headers['content-length'] = value
  if (event.multiValueHeaders) event.multiValueHeaders['content-length'] = [value]
}

function withoutContentLength(event: never) {
  setContentLength(event as MutableEvent, undefined)
}

/**
 * Puts `bytes` in the event as they are, as text or base64-encoded, with a Content-Length
 * of their size unless `contentLength` says otherwise.
 */
function withBody(bytes: Buffer, options: { isBase64Encoded: boolean; contentLength?: number }) {
  return (event: never) => {
    const mutable = event as MutableEvent
    mutable.isBase64Encoded = options.isBase64Encoded
    mutable.body = bytes.toString(options.isBase64Encoded ? 'base64' : 'utf8')
    setContentLength(mutable, String(options.contentLength ?? bytes.length))
  }
}

const BYTE_ORDER_MARK = Buffer.from([0xef, 0xbb, 0xbf])
const authMethodsBytes = () =>
  Buffer.from(JSON.stringify(callBody('authMethods', { username: EXISTING_USER })))

describe('the Lambda handler on an item the import tool never writes', () => {
  it('answers 503 to both actions for a user whose status is neither active nor blocked', async () => {
    // Written by hand, as an operator editing the table might: the status of a blocked
    // user mistyped, who must not sign in.
    const client = createDynamoDbClient({ endpoint: dynamo?.endpoint as string })
    const item = {
      identifier: { S: 'mistyped@existing.com' },
      username: { S: 'mistyped@existing.com' },
      status: { S: 'BLOCKED' },
      passwordHash: { S: '$2b$04$b5/CwNDuHMWtLRhRscesW.vTvtd6ce5pqA92jrybyLW8GwxWter1W' },
    }
    await client.send(new PutItemCommand({ TableName: table, Item: item }))

    const lookup = await send(authMethodsCall('mistyped@existing.com'), 'httpApi')
    const verify = await send(passwordVerifyCall('mistyped@existing.com', PASSWORD), 'httpApi')

    expect([lookup.statusCode, verify.statusCode]).toEqual([503, 503])
    expect(JSON.parse(verify.body).error.code).toBe('store_unavailable')
  })
})

describe('the Lambda handler with uncommon events', () => {
  for (const kind of ['httpApi', 'rest'] as const) {
    it(`answers a call whose event has no Content-Length (${kind} events)`, async () => {
      const result = await send(authMethodsCall(EXISTING_USER), kind, withoutContentLength)

      expect(result.statusCode).toBe(200)
      expect(JSON.parse(result.body).data.status).toBe('exists')
    })

    it(`refuses an oversized body whose event has no Content-Length (${kind} events)`, async () => {
      const body = callBody('authMethods', { username: 'x'.repeat(MAX_BODY_BYTES) })

      const result = await send(webhookRequest({ body }), kind, withoutContentLength)

      expect(result.statusCode).toBe(413)
      expect(JSON.parse(result.body).error.code).toBe('body_too_large')
    })

    for (const isBase64Encoded of [false, true]) {
      const encoding = isBase64Encoded ? 'base64' : 'text'
      it(`reads a body that starts with a byte order mark as Fetch does (${kind}, ${encoding})`, async () => {
        const bytes = Buffer.concat([BYTE_ORDER_MARK, authMethodsBytes()])

        const result = await send(webhookRequest(), kind, withBody(bytes, { isBase64Encoded }))

        expect(result.statusCode).toBe(200)
        expect(JSON.parse(result.body).data.status).toBe('exists')
      })

      // 13,000 bytes: under the 16 KiB limit, but over it as base64 text (17,336 characters).
      for (const isDeclared of [true, false]) {
        const declared = isDeclared ? 'with' : 'without'
        it(`reads a call of 13,000 bytes ${declared} a Content-Length (${kind}, ${encoding})`, async () => {
          const call = authMethodsBytes()
          const bytes = Buffer.concat([call, Buffer.alloc(13_000 - call.length, ' ')])
          const withPaddedBody = withBody(bytes, { isBase64Encoded })
          const change = (event: never) => {
            withPaddedBody(event)
            if (!isDeclared) withoutContentLength(event)
          }

          const result = await send(webhookRequest(), kind, change)

          expect(result.statusCode).toBe(200)
          expect(JSON.parse(result.body).data.status).toBe('exists')
        })
      }

      it(`refuses a body larger than its declared Content-Length says (${kind}, ${encoding})`, async () => {
        // A well-formed call, padded with whitespace that JSON allows.
        const bytes = Buffer.concat([authMethodsBytes(), Buffer.alloc(200 * 1024, ' ')])
        const change = withBody(bytes, { isBase64Encoded, contentLength: 100 })

        const result = await send(webhookRequest(), kind, change)

        expect(result.statusCode).toBe(413)
        expect(JSON.parse(result.body).error.code).toBe('body_too_large')
      })
    }

    it(`answers HEAD /health with the status of GET and no body (${kind} events)`, async () => {
      const result = await send(webhookRequest({ method: 'HEAD', path: '/health' }), kind)

      expect(result.statusCode).toBe(200)
      expect(result.body).toBe('')
      expect(result.headers['content-type']).toMatch(/^application\/json/)
    })
  }

  it('reads repeated headers of a REST event from multiValueHeaders', async () => {
    const result = await send(authMethodsCall(EXISTING_USER), 'rest', (event: never) => {
      const { multiValueHeaders } = event as { multiValueHeaders: Record<string, string[]> }
      multiValueHeaders['X-Corbado-Action'] = ['authMethods', 'passwordVerify']
    })

    expect(result.statusCode).toBe(400)
    expect(JSON.parse(result.body).error.code).toBe('invalid_action')
  })

  it('refuses a repeated REST action header before a bad body, as the app does', async () => {
    const result = await send(webhookRequest({ rawBody: '{' }), 'rest', (event: never) => {
      const { multiValueHeaders } = event as { multiValueHeaders: Record<string, string[]> }
      multiValueHeaders['X-Corbado-Action'] = ['authMethods', 'authMethods']
    })

    expect(result.statusCode).toBe(400)
    expect(JSON.parse(result.body).error.code).toBe('invalid_action')
  })
})
