import { afterAll, describe, expect, it } from 'vitest'
import { CONFORMANCE_CREDENTIALS, describeConformance } from '../conformance/suite'
import { loadBundleOnConformanceTable } from './bundle-handler'
import type { LocalDynamoDb } from './dynalite'
import { type FakeEndpoint, startFakeParameterStore } from './fake-endpoints'
import { EVENT_KINDS, type LambdaHandler, lambdaTarget } from './lambda-invoke'

// The deployed configuration: the built bundle, its credentials named by the two
// parameters serverless.yml sets and fetched from Parameter Store at cold start.
const USERNAME_PARAMETER = '/corbado-webhook/prod/webhook-username'
const PASSWORD_PARAMETER = '/corbado-webhook/prod/webhook-password'

let dynamo: LocalDynamoDb | undefined
let parameterStore: (FakeEndpoint & { lastNames(): string[] }) | undefined
let handler: Promise<LambdaHandler> | undefined

function bundledHandler(): Promise<LambdaHandler> {
  handler ??= (async () => {
    parameterStore = await startFakeParameterStore({
      [USERNAME_PARAMETER]: CONFORMANCE_CREDENTIALS.username,
      [PASSWORD_PARAMETER]: CONFORMANCE_CREDENTIALS.password,
    })
    const loaded = await loadBundleOnConformanceTable({
      AWS_ENDPOINT_URL_SSM: parameterStore.url,
      WEBHOOK_USERNAME_PARAMETER: USERNAME_PARAMETER,
      WEBHOOK_PASSWORD_PARAMETER: PASSWORD_PARAMETER,
    })
    dynamo = loaded.dynamo
    return loaded.handler
  })()
  return handler
}

afterAll(() => Promise.all([dynamo?.close(), parameterStore?.close()]))

for (const kind of EVENT_KINDS) {
  describeConformance(`Lambda bundle, ${kind} events, credentials from Parameter Store`, async () =>
    lambdaTarget(await bundledHandler(), kind),
  )
}

describe('the Lambda bundle with credentials in Parameter Store', () => {
  it('fetched both parameters in one call for every request above', async () => {
    await bundledHandler()

    expect(parameterStore?.requests()).toBe(1)
    expect(parameterStore?.lastNames().sort()).toEqual([PASSWORD_PARAMETER, USERNAME_PARAMETER])
  })
})
