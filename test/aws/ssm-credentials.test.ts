import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createLambdaHandler } from '../../functions/aws/create-handler'
import { createDynamoDbClient } from '../../shared/store/dynamodb-client'
import { CONFORMANCE_CREDENTIALS, CONFORMANCE_USERS, EXISTING_USER } from '../conformance/fixtures'
import { authMethodsCall } from '../conformance/requests'
import { type LocalDynamoDb, startDynalite } from './dynalite'
import { type FakeEndpoint, startFakeParameterStore } from './fake-endpoints'
import { lambdaTarget } from './lambda-invoke'
import { seedUsers } from './seed-users'

// Each handler gets its own stage: Middy caches values by parameter name per process.
let stage = 0
let USERNAME_PARAMETER = ''
let PASSWORD_PARAMETER = ''
beforeEach(() => {
  stage += 1
  USERNAME_PARAMETER = `/corbado-webhook/test${stage}/webhook-username`
  PASSWORD_PARAMETER = `/corbado-webhook/test${stage}/webhook-password`
})

let dynamo: LocalDynamoDb
let table: string
let parameterStores: FakeEndpoint[] = []

beforeAll(async () => {
  dynamo = await startDynalite()
  table = await dynamo.createTable()
  await seedUsers(dynamo.endpoint, table, CONFORMANCE_USERS)
})

afterAll(async () => {
  await Promise.all(parameterStores.map((store) => store.close()))
  await dynamo.close()
})

async function handlerWithParameters(parameters: Record<string, string>) {
  const parameterStore = await startFakeParameterStore(parameters)
  parameterStores = [...parameterStores, parameterStore]
  // The SDK reads its endpoint override from here, as it would any AWS setting.
  process.env.AWS_ENDPOINT_URL_SSM = parameterStore.url
  const handler = createLambdaHandler({
    env: {
      USERS_TABLE: table,
      WEBHOOK_USERNAME_PARAMETER: USERNAME_PARAMETER,
      WEBHOOK_PASSWORD_PARAMETER: PASSWORD_PARAMETER,
      LOG_LEVEL: 'silent',
    },
    dynamoDbClient: createDynamoDbClient({ endpoint: dynamo.endpoint }),
  })
  return { send: lambdaTarget(handler, 'httpApi'), parameterStore }
}

describe('webhook credentials from SSM Parameter Store', () => {
  it('fetches both SecureStrings once per container and checks calls against them', async () => {
    const { send, parameterStore } = await handlerWithParameters({
      [USERNAME_PARAMETER]: CONFORMANCE_CREDENTIALS.username,
      [PASSWORD_PARAMETER]: CONFORMANCE_CREDENTIALS.password,
    })

    const first = await send(authMethodsCall(EXISTING_USER))
    const second = await send(authMethodsCall(EXISTING_USER))
    const wrong = await send(
      authMethodsCall(EXISTING_USER, { credentials: { username: 'x', password: 'y' } }),
    )

    expect([first.status, second.status, wrong.status]).toEqual([200, 200, 401])
    expect(parameterStore.requests()).toBe(1)
    expect(parameterStore.lastNames().sort()).toEqual([PASSWORD_PARAMETER, USERNAME_PARAMETER])
  })

  it('answers 500 with the protocol body when a parameter does not exist', async () => {
    const { send } = await handlerWithParameters({
      [USERNAME_PARAMETER]: CONFORMANCE_CREDENTIALS.username,
    })

    const response = await send(authMethodsCall(EXISTING_USER))

    expect(response.status).toBe(500)
    expect(response.headers.get('Content-Type')).toBe('application/json; charset=utf-8')
    expect((await response.json()).error.code).toBe('internal_error')
  })

  it('answers 500 rather than use a password that Middy read as JSON', async () => {
    const { send } = await handlerWithParameters({
      [USERNAME_PARAMETER]: CONFORMANCE_CREDENTIALS.username,
      [PASSWORD_PARAMETER]: '{"secret":"s3cr3t-value"}',
    })

    const response = await send(authMethodsCall(EXISTING_USER))

    const text = await response.text()
    expect(response.status).toBe(500)
    expect(JSON.parse(text).error.code).toBe('internal_error')
    expect(text).not.toContain('s3cr3t-value')
  })
})
