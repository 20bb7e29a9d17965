import { afterAll } from 'vitest'
import { createLambdaHandler } from '../../functions/aws/create-handler'
import { createDynamoDbClient } from '../../shared/store/dynamodb-client'
import { CONFORMANCE_CREDENTIALS, describeConformance } from '../conformance/suite'
import { loadBundleOnConformanceTable } from './bundle-handler'
import type { LocalDynamoDb } from './dynalite'
import { closedPortUrl } from './fake-endpoints'
import { EVENT_KINDS, type LambdaHandler, lambdaTarget } from './lambda-invoke'

// One bundle, one table: every event shape below reaches the same cold-started handler.
let dynamo: LocalDynamoDb | undefined
let handler: Promise<LambdaHandler> | undefined

function bundledHandler(): Promise<LambdaHandler> {
  handler ??= (async () => {
    const loaded = await loadBundleOnConformanceTable({
      WEBHOOK_USERNAME: CONFORMANCE_CREDENTIALS.username,
      WEBHOOK_PASSWORD: CONFORMANCE_CREDENTIALS.password,
    })
    dynamo = loaded.dynamo
    return loaded.handler
  })()
  return handler
}

afterAll(() => dynamo?.close())

// The handler as the bundle builds it, on a table it cannot reach or without credentials:
// states a seeded, credentialed bundle never gets into.
async function faultyHandler(env: Record<string, string>): Promise<LambdaHandler> {
  return createLambdaHandler({
    env: { USERS_TABLE: 'users', LOG_LEVEL: 'silent', ...env },
    dynamoDbClient: createDynamoDbClient({ endpoint: await closedPortUrl() }),
  })
}

for (const kind of EVENT_KINDS) {
  for (const base64 of [false, true]) {
    const bodies = base64 ? 'base64 bodies' : 'text bodies'
    describeConformance(
      `Lambda bundle, ${kind} events, ${bodies}, DynamoDB`,
      async () => lambdaTarget(await bundledHandler(), kind, { base64 }),
      {
        faults: {
          storeUnavailable: async () =>
            lambdaTarget(
              await faultyHandler({
                WEBHOOK_USERNAME: CONFORMANCE_CREDENTIALS.username,
                WEBHOOK_PASSWORD: CONFORMANCE_CREDENTIALS.password,
              }),
              kind,
              { base64 },
            ),
          withoutCredentials: async () => lambdaTarget(await faultyHandler({}), kind, { base64 }),
        },
      },
    )
  }
}
