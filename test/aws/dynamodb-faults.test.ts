import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createLambdaHandler } from '../../functions/aws/create-handler'
import { STORE_TIMEOUT_MS } from '../../shared/app/defaults'
import { createDynamoDbClient } from '../../shared/store/dynamodb-client'
import { DYNAMODB_TIMEOUT_MS, DynamoDbStore } from '../../shared/store/dynamodb-store'
import { StoreError } from '../../shared/store/user-store'
import { CONFORMANCE_CREDENTIALS, EXISTING_USER, PASSWORD } from '../conformance/fixtures'
import { authMethodsCall, passwordVerifyCall } from '../conformance/requests'
import { type LocalDynamoDb, startDynalite } from './dynalite'
import {
  closedPortUrl,
  type FakeEndpoint,
  startSilentEndpoint,
  startStallingEndpoint,
  startThrottlingDynamoDb,
} from './fake-endpoints'
import { type FetchTarget, lambdaTarget } from './lambda-invoke'

// Corbado's wait is undocumented; comparable hooks allow 3 s (see docs/protocol.md).
const DEADLINE_MS = 3000
// Timers on this shared machine fire late by tens of ms; 300 ms covers a busy spell and
// still ends before the app's own STORE_TIMEOUT_MS, so a pass proves the store's deadline.
const SCHEDULING_SLACK_MS = 300

function handlerOn(endpoint: string, table = 'users'): FetchTarget {
  const handler = createLambdaHandler({
    env: {
      USERS_TABLE: table,
      WEBHOOK_USERNAME: CONFORMANCE_CREDENTIALS.username,
      WEBHOOK_PASSWORD: CONFORMANCE_CREDENTIALS.password,
      LOG_LEVEL: 'silent',
    },
    dynamoDbClient: createDynamoDbClient({ endpoint }),
  })
  return lambdaTarget(handler, 'httpApi')
}

async function timed(send: FetchTarget, request: Request) {
  const startedAt = performance.now()
  const response = await send(request)
  return { response, ms: performance.now() - startedAt, body: await response.json() }
}

let throttling: FakeEndpoint
let silent: FakeEndpoint
let stalling: FakeEndpoint
let dynamo: LocalDynamoDb

beforeAll(async () => {
  ;[throttling, silent, stalling, dynamo] = await Promise.all([
    startThrottlingDynamoDb(),
    startSilentEndpoint(),
    startStallingEndpoint(),
    startDynalite(),
  ])
})

afterAll(() => Promise.all([throttling.close(), silent.close(), stalling.close(), dynamo.close()]))

describe('the Lambda handler when DynamoDB fails', () => {
  it('gives up on a lookup before the app does, well inside the 3 s deadline', () => {
    expect(DYNAMODB_TIMEOUT_MS + SCHEDULING_SLACK_MS).toBeLessThan(STORE_TIMEOUT_MS)
    expect(STORE_TIMEOUT_MS).toBeLessThan(DEADLINE_MS)
  })

  it('answers 503 at once when the endpoint is unreachable', async () => {
    const send = handlerOn(await closedPortUrl())

    const { response, ms, body } = await timed(send, authMethodsCall(EXISTING_USER))

    expect(response.status).toBe(503)
    expect(body.error.code).toBe('store_unavailable')
    // A refused connection fails in microseconds; only the retry's backoff takes time.
    expect(ms).toBeLessThan(DYNAMODB_TIMEOUT_MS)
  })

  it('answers 503 inside the lookup timeout when the table is throttled, after one retry', async () => {
    const send = handlerOn(throttling.url)
    const before = throttling.requests()

    const { response, ms } = await timed(send, passwordVerifyCall(EXISTING_USER, PASSWORD))

    expect(response.status).toBe(503)
    expect(ms).toBeLessThan(DYNAMODB_TIMEOUT_MS)
    expect(throttling.requests() - before).toBe(2)
  })

  it('answers 503 by the lookup timeout when the endpoint never answers', async () => {
    const send = handlerOn(silent.url)

    const { response, ms } = await timed(send, authMethodsCall(EXISTING_USER))

    expect(response.status).toBe(503)
    expect(ms).toBeLessThan(DYNAMODB_TIMEOUT_MS + SCHEDULING_SLACK_MS)
  })

  it('answers 503 by the lookup timeout when the endpoint stalls after its headers', async () => {
    const send = handlerOn(stalling.url)

    const { response, ms } = await timed(send, authMethodsCall(EXISTING_USER))

    expect(response.status).toBe(503)
    expect(ms).toBeGreaterThanOrEqual(DYNAMODB_TIMEOUT_MS - SCHEDULING_SLACK_MS)
    expect(ms).toBeLessThan(DYNAMODB_TIMEOUT_MS + SCHEDULING_SLACK_MS)
  })

  it('answers 503 when the table does not exist', async () => {
    const send = handlerOn(dynamo.endpoint, 'no-such-table')

    const { response, body } = await timed(send, authMethodsCall(EXISTING_USER))

    expect(response.status).toBe(503)
    expect(JSON.stringify(body)).not.toContain('no-such-table')
  })
})

describe('DynamoDbStore failures', () => {
  it('throws a StoreError keeping the SDK error as its cause', async () => {
    const store = new DynamoDbStore({
      client: createDynamoDbClient({ endpoint: dynamo.endpoint }),
      tableName: 'no-such-table',
    })

    const error = await store.findUser('a@example.com').catch((thrown: unknown) => thrown)

    expect(error).toBeInstanceOf(StoreError)
    expect((error as StoreError).cause).toMatchObject({ name: 'ResourceNotFoundException' })
  })

  it('gives up after its own timeout on an answer that never finishes', async () => {
    const timeoutMs = 200
    const store = new DynamoDbStore({
      client: createDynamoDbClient({ endpoint: stalling.url }),
      tableName: 'users',
      timeoutMs,
    })
    const startedAt = performance.now()

    await expect(store.findUser('a@example.com')).rejects.toBeInstanceOf(StoreError)
    expect(performance.now() - startedAt).toBeLessThan(timeoutMs + SCHEDULING_SLACK_MS)
  })
})
