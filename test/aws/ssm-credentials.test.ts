import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { createLambdaHandler } from '../../functions/aws/create-handler'
import { CREDENTIALS_FETCH_BUDGET_MS } from '../../functions/aws/parameter-store-credentials'
import { STORE_TIMEOUT_MS } from '../../shared/app/defaults'
import { createDynamoDbClient } from '../../shared/store/dynamodb-client'
import { CONFORMANCE_CREDENTIALS, CONFORMANCE_USERS, EXISTING_USER } from '../conformance/fixtures'
import { authMethodsCall } from '../conformance/requests'
import { type LocalDynamoDb, startDynalite } from './dynalite'
import {
  type FakeEndpoint,
  startFakeParameterStore,
  startRefusingParameterStore,
  startSilentEndpoint,
  startStallingEndpoint,
} from './fake-endpoints'
import { lambdaTarget } from './lambda-invoke'
import { seedUsers } from './seed-users'

// Corbado's wait is undocumented; comparable hooks allow 3 s (see docs/protocol.md).
const DEADLINE_MS = 3000
// Timers on this shared machine fire late by tens of ms; 300 ms covers a busy spell.
const SCHEDULING_SLACK_MS = 300
// bcrypt at cost 10 takes about 80 ms on one core (npm run bench:timing); 300 ms leaves
// room for slower formats.
const HASH_ROOM_MS = 300

const USERNAME_PARAMETER = '/corbado-webhook/test/webhook-username'
const PASSWORD_PARAMETER = '/corbado-webhook/test/webhook-password'

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

async function handlerOn<Store extends FakeEndpoint>(parameterStore: Store, logLevel = 'silent') {
  parameterStores = [...parameterStores, parameterStore]
  // The SDK reads its endpoint override from here, as it would any AWS setting.
  process.env.AWS_ENDPOINT_URL_SSM = parameterStore.url
  const handler = createLambdaHandler({
    env: {
      USERS_TABLE: table,
      WEBHOOK_USERNAME_PARAMETER: USERNAME_PARAMETER,
      WEBHOOK_PASSWORD_PARAMETER: PASSWORD_PARAMETER,
      LOG_LEVEL: logLevel,
    },
    dynamoDbClient: createDynamoDbClient({ endpoint: dynamo.endpoint }),
  })
  return { send: lambdaTarget(handler, 'httpApi'), parameterStore }
}

const bothParameters = () => ({
  [USERNAME_PARAMETER]: CONFORMANCE_CREDENTIALS.username,
  [PASSWORD_PARAMETER]: CONFORMANCE_CREDENTIALS.password,
})

async function timedCall(send: (request: Request) => Promise<Response>) {
  const startedAt = performance.now()
  const response = await send(authMethodsCall(EXISTING_USER))
  return { response, ms: performance.now() - startedAt, text: await response.text() }
}

function expectCredentialsUnavailable(response: Response, text: string) {
  expect(response.status).toBe(503)
  expect(response.headers.get('Content-Type')).toBe('application/json; charset=utf-8')
  expect(JSON.parse(text).error).toEqual({
    code: 'credentials_unavailable',
    message: expect.stringContaining('ssm:GetParameters'),
  })
}

describe('webhook credentials from SSM Parameter Store', () => {
  it('fetches both SecureStrings once per container and checks calls against them', async () => {
    const { send, parameterStore } = await handlerOn(
      await startFakeParameterStore(bothParameters()),
    )

    const first = await send(authMethodsCall(EXISTING_USER))
    const second = await send(authMethodsCall(EXISTING_USER))
    const wrong = await send(
      authMethodsCall(EXISTING_USER, { credentials: { username: 'x', password: 'y' } }),
    )

    expect([first.status, second.status, wrong.status]).toEqual([200, 200, 401])
    expect(parameterStore.requests()).toBe(1)
    expect(parameterStore.lastNames().sort()).toEqual([PASSWORD_PARAMETER, USERNAME_PARAMETER])
  })

  it('answers 503 credentials_unavailable when a parameter does not exist', async () => {
    const { send } = await handlerOn(
      await startFakeParameterStore({ [USERNAME_PARAMETER]: CONFORMANCE_CREDENTIALS.username }),
    )

    const { response, text } = await timedCall(send)

    expectCredentialsUnavailable(response, text)
  })

  it('answers 503 credentials_unavailable when Parameter Store refuses the role', async () => {
    const { send } = await handlerOn(await startRefusingParameterStore())

    const { response, ms, text } = await timedCall(send)

    expectCredentialsUnavailable(response, text)
    expect(ms).toBeLessThan(CREDENTIALS_FETCH_BUDGET_MS)
  })

  it.each([
    ['a refused role', startRefusingParameterStore, 'AccessDeniedException'],
    [
      'a missing parameter',
      () => startFakeParameterStore({ [USERNAME_PARAMETER]: 'someone' }),
      `no parameter named ${PASSWORD_PARAMETER}`,
    ],
  ])('logs one error line naming the cause on %s', async (_, startParameterStore, cause) => {
    const { send } = await handlerOn(await startParameterStore(), 'info')
    const lines: string[] = []
    const spy = vi.spyOn(console, 'log').mockImplementation((line: string) => {
      lines.push(line)
    })

    await send(authMethodsCall(EXISTING_USER))
    spy.mockRestore()

    expect(lines).toHaveLength(1)
    expect(JSON.parse(lines[0] ?? '')).toMatchObject({
      level: 'error',
      outcome: 'credentials_unavailable',
      status: 503,
      failure: expect.stringContaining(cause),
    })
  })

  it('keeps the container alive when the cold-start fetch fails before any request', async () => {
    const unhandled: unknown[] = []
    const onUnhandled = (reason: unknown) => unhandled.push(reason)
    process.on('unhandledRejection', onUnhandled)
    const { send, parameterStore } = await handlerOn(await startRefusingParameterStore())
    await expect.poll(() => parameterStore.requests()).toBe(1)
    // Node reports an unhandled rejection once the microtasks after it have run.
    await new Promise((resolve) => setTimeout(resolve, 100))
    process.off('unhandledRejection', onUnhandled)

    const { response, text } = await timedCall(send)

    expect(unhandled).toEqual([])
    expectCredentialsUnavailable(response, text)
  })

  it('answers 503 within its budget when Parameter Store never answers', async () => {
    const { send } = await handlerOn(await startSilentEndpoint())

    const { response, ms, text } = await timedCall(send)

    expectCredentialsUnavailable(response, text)
    expect(ms).toBeLessThan(CREDENTIALS_FETCH_BUDGET_MS + SCHEDULING_SLACK_MS)
  })

  it('answers 503 within its budget when Parameter Store stalls after its headers', async () => {
    const { send } = await handlerOn(await startStallingEndpoint())

    const { response, ms, text } = await timedCall(send)

    expectCredentialsUnavailable(response, text)
    expect(ms).toBeGreaterThanOrEqual(CREDENTIALS_FETCH_BUDGET_MS - SCHEDULING_SLACK_MS)
    expect(ms).toBeLessThan(CREDENTIALS_FETCH_BUDGET_MS + SCHEDULING_SLACK_MS)
  })

  it('closes the connection of a stalled answer at the deadline', async () => {
    const { send, parameterStore } = await handlerOn(await startStallingEndpoint())

    await send(authMethodsCall(EXISTING_USER))

    await expect.poll(() => parameterStore.openConnections()).toBe(0)
  })

  it('leaves the lookup its whole timeout and the hash their room inside 3 s', () => {
    expect(CREDENTIALS_FETCH_BUDGET_MS + STORE_TIMEOUT_MS + HASH_ROOM_MS).toBeLessThan(DEADLINE_MS)
  })

  it('fetches both parameters again on the request after a refused fetch', async () => {
    const { send, parameterStore } = await handlerOn(
      await startFakeParameterStore(bothParameters(), { refuseFirst: 1 }),
    )

    const refused = await send(authMethodsCall(EXISTING_USER))
    const answered = await send(authMethodsCall(EXISTING_USER))

    expect([refused.status, answered.status]).toEqual([503, 200])
    expect(parameterStore.lastNames().sort()).toEqual([PASSWORD_PARAMETER, USERNAME_PARAMETER])
  })

  it.each([
    ['a quoted', '"quoted-secret"'],
    ['an object', '{"a":1}'],
    ['an array', '[1]'],
    ['a colon-holding', 'pass:word:with-colons'],
  ])('compares %s password exactly as stored', async (_, password) => {
    const { send } = await handlerOn(
      await startFakeParameterStore({
        [USERNAME_PARAMETER]: CONFORMANCE_CREDENTIALS.username,
        [PASSWORD_PARAMETER]: password,
      }),
    )
    const credentials = { username: CONFORMANCE_CREDENTIALS.username, password }

    const response = await send(authMethodsCall(EXISTING_USER, { credentials }))

    expect(response.status).toBe(200)
  })

  it('refuses the unquoted form of a quoted password', async () => {
    const { send } = await handlerOn(
      await startFakeParameterStore({
        [USERNAME_PARAMETER]: CONFORMANCE_CREDENTIALS.username,
        [PASSWORD_PARAMETER]: '"quoted-secret"',
      }),
    )
    const credentials = { username: CONFORMANCE_CREDENTIALS.username, password: 'quoted-secret' }

    const response = await send(authMethodsCall(EXISTING_USER, { credentials }))

    expect(response.status).toBe(401)
  })
})
