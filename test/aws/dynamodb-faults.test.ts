import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createLambdaHandler } from '../../functions/aws/create-handler'
import { createDynamoDbClient } from '../../shared/store/dynamodb-client'
import { DynamoDbStore } from '../../shared/store/dynamodb-store'
import { StoreError } from '../../shared/store/user-store'
import { CONFORMANCE_CREDENTIALS, EXISTING_USER, PASSWORD } from '../conformance/fixtures'
import { authMethodsCall, passwordVerifyCall } from '../conformance/requests'
import { type LocalDynamoDb, startDynalite } from './dynalite'
import {
  closedPortUrl,
  type FakeEndpoint,
  startSilentEndpoint,
  startThrottlingDynamoDb,
} from './fake-endpoints'
import { type FetchTarget, lambdaTarget } from './lambda-invoke'

// Corbado's wait is undocumented; comparable hooks allow 3 s (see docs/protocol.md).
const DEADLINE_MS = 3000

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
let dynamo: LocalDynamoDb

beforeAll(async () => {
  ;[throttling, silent, dynamo] = await Promise.all([
    startThrottlingDynamoDb(),
    startSilentEndpoint(),
    startDynalite(),
  ])
})

afterAll(() => Promise.all([throttling.close(), silent.close(), dynamo.close()]))

describe('the Lambda handler when DynamoDB fails', () => {
  it('answers 503 within the deadline when the endpoint is unreachable', async () => {
    const send = handlerOn(await closedPortUrl())

    const { response, ms, body } = await timed(send, authMethodsCall(EXISTING_USER))

    expect(response.status).toBe(503)
    expect(body.error.code).toBe('store_unavailable')
    expect(ms).toBeLessThan(DEADLINE_MS)
  })

  it('answers 503 within the deadline when the table is throttled, after one retry', async () => {
    const send = handlerOn(throttling.url)
    const before = throttling.requests()

    const { response, ms } = await timed(send, passwordVerifyCall(EXISTING_USER, PASSWORD))

    expect(response.status).toBe(503)
    expect(ms).toBeLessThan(DEADLINE_MS)
    expect(throttling.requests() - before).toBe(2)
  })

  it('answers 503 within the deadline when the endpoint never answers', async () => {
    const send = handlerOn(silent.url)

    const { response, ms } = await timed(send, authMethodsCall(EXISTING_USER))

    expect(response.status).toBe(503)
    expect(ms).toBeLessThan(DEADLINE_MS)
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

  it('gives up after its own timeout even when the app would wait longer', async () => {
    const store = new DynamoDbStore({
      client: createDynamoDbClient({ endpoint: silent.url }),
      tableName: 'users',
      timeoutMs: 200,
    })
    const startedAt = performance.now()

    await expect(store.findUser('a@example.com')).rejects.toBeInstanceOf(StoreError)
    expect(performance.now() - startedAt).toBeLessThan(1000)
  })
})
