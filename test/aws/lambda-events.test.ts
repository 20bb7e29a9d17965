import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MAX_BODY_BYTES } from '../../shared/app/defaults'
import { CONFORMANCE_CREDENTIALS, EXISTING_USER } from '../conformance/fixtures'
import { authMethodsCall, callBody, webhookRequest } from '../conformance/requests'
import { loadBundleOnConformanceTable } from './bundle-handler'
import type { LocalDynamoDb } from './dynalite'
import { type EventKind, type LambdaHandler, lambdaEvent } from './lambda-invoke'

// Event details that the conformance suite's events never have, through the bundle.
let dynamo: LocalDynamoDb | undefined
let handler: LambdaHandler

beforeAll(async () => {
  const loaded = await loadBundleOnConformanceTable({
    WEBHOOK_USERNAME: CONFORMANCE_CREDENTIALS.username,
    WEBHOOK_PASSWORD: CONFORMANCE_CREDENTIALS.password,
  })
  dynamo = loaded.dynamo
  handler = loaded.handler
})

afterAll(() => dynamo?.close())

type Result = { statusCode: number; headers: Record<string, string>; body: string }

async function send(request: Request, kind: EventKind, change?: (event: never) => void) {
  const event = await lambdaEvent(request, kind)
  change?.(event as never)
  const context = { awsRequestId: 'events-test', getRemainingTimeInMillis: () => 6000 }
  return (await handler(event as never, context as never)) as Result
}

function withoutContentLength(event: { headers: Record<string, string | undefined> }) {
  for (const name of Object.keys(event.headers)) {
    if (name.toLowerCase() === 'content-length') delete event.headers[name]
  }
  const multiValue = (event as { multiValueHeaders?: Record<string, unknown> }).multiValueHeaders
  for (const name of Object.keys(multiValue ?? {})) {
    if (name.toLowerCase() === 'content-length') delete multiValue?.[name]
  }
}

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
})
