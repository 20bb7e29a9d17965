import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AWS_BUNDLE } from '../../infra/build/aws-artifact'
import {
  CONFORMANCE_CREDENTIALS,
  CONFORMANCE_USERS,
  EXISTING_USER,
  PASSWORD,
} from '../conformance/fixtures'
import { authMethodsCall, passwordVerifyCall, webhookRequest } from '../conformance/requests'
import { FAKE_AWS_ENV, type LocalDynamoDb, startDynalite } from './dynalite'
import { type FakeEndpoint, startFakeParameterStore } from './fake-endpoints'
import { lambdaEvent } from './lambda-invoke'
import { seedUsers } from './seed-users'

const BUNDLE = fileURLToPath(new URL(`../../${AWS_BUNDLE}`, import.meta.url))

// A fresh Node process, as Lambda starts one: it imports the bundle, answers the events,
// then says which Node modules it had loaded by then, and whether touching a Fetch
// global afterwards shows up in that list, so that the check itself is known to work.
const CHILD = `
const { handler } = await import(process.argv[1])
const events = JSON.parse(process.env.EVENTS)
const statuses = []
for (const event of events) {
  const result = await handler(event, { awsRequestId: 'cold-path', getRemainingTimeInMillis: () => 6000 })
  statuses.push([result.statusCode, JSON.parse(result.body)])
}
const loaded = [...process.moduleLoadList]
globalThis.Headers
const loadedAfterHeaders = [...process.moduleLoadList]
console.log(JSON.stringify({ statuses, loaded, loadedAfterHeaders }))
process.exit(0)
`
const FETCH_MODULE = 'NativeModule internal/deps/undici/undici'
const WEB_STREAMS_MODULE = 'NativeModule stream/web'

const USERNAME_PARAMETER = '/corbado-webhook/cold/webhook-username'
const PASSWORD_PARAMETER = '/corbado-webhook/cold/webhook-password'
const ENV_CREDENTIALS = {
  WEBHOOK_USERNAME: CONFORMANCE_CREDENTIALS.username,
  WEBHOOK_PASSWORD: CONFORMANCE_CREDENTIALS.password,
}

let dynamo: LocalDynamoDb
let table: string
let parameterStore: FakeEndpoint

beforeAll(async () => {
  dynamo = await startDynalite()
  table = await dynamo.createTable()
  await seedUsers(dynamo.endpoint, table, CONFORMANCE_USERS)
  parameterStore = await startFakeParameterStore({
    [USERNAME_PARAMETER]: CONFORMANCE_CREDENTIALS.username,
    [PASSWORD_PARAMETER]: CONFORMANCE_CREDENTIALS.password,
  })
})

afterAll(() => Promise.all([dynamo?.close(), parameterStore?.close()]))

// The same calls every test makes, and the statuses they get.
const CALLS = () => [
  webhookRequest({ method: 'GET', path: '/health' }),
  authMethodsCall(EXISTING_USER),
  passwordVerifyCall(EXISTING_USER, PASSWORD),
  webhookRequest({ rawBody: '{"id":' }),
  webhookRequest({ path: '/nowhere' }),
]
const STATUSES = [200, 200, 200, 400, 404]

async function coldStart(requests: Request[], credentials: Record<string, string>) {
  const events = await Promise.all(requests.map((request) => lambdaEvent(request, 'httpApi')))
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--input-type=module', '-e', CHILD, BUNDLE],
    {
      env: {
        PATH: process.env.PATH,
        NODE_NO_WARNINGS: '1',
        ...FAKE_AWS_ENV,
        AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint,
        USERS_TABLE: table,
        ...credentials,
        LOG_LEVEL: 'silent',
        EVENTS: JSON.stringify(events),
      },
    },
  )
  return JSON.parse(stdout) as {
    statuses: [number, unknown][]
    loaded: string[]
    loadedAfterHeaders: string[]
  }
}

describe('the Lambda bundle on a cold start', () => {
  it('answers every kind of call without loading Fetch or web streams', async () => {
    const run = await coldStart(CALLS(), ENV_CREDENTIALS)

    expect(run.statuses.map(([status]) => status)).toEqual(STATUSES)
    expect(run.statuses[1]?.[1]).toMatchObject({ data: { status: 'exists' } })
    expect(run.statuses[2]?.[1]).toMatchObject({ data: { success: true } })
    expect(run.loaded).not.toContain(FETCH_MODULE)
    expect(run.loaded).not.toContain(WEB_STREAMS_MODULE)
    expect(run.loadedAfterHeaders).toContain(FETCH_MODULE)
  })

  it('fetches its credentials from Parameter Store without loading Fetch', async () => {
    const run = await coldStart(CALLS(), {
      AWS_ENDPOINT_URL_SSM: parameterStore.url,
      WEBHOOK_USERNAME_PARAMETER: USERNAME_PARAMETER,
      WEBHOOK_PASSWORD_PARAMETER: PASSWORD_PARAMETER,
    })

    expect(run.statuses.map(([status]) => status)).toEqual(STATUSES)
    expect(run.loaded).not.toContain(FETCH_MODULE)
    expect(run.loaded).not.toContain(WEB_STREAMS_MODULE)
  })
})
