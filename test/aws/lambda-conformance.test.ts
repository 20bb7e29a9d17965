import { afterAll } from 'vitest'
import {
  CONFORMANCE_CREDENTIALS,
  CONFORMANCE_USERS,
  describeConformance,
} from '../conformance/suite'
import { loadBundledHandler } from './bundle-handler'
import { type LocalDynamoDb, startDynalite } from './dynalite'
import { EVENT_KINDS, type LambdaHandler, lambdaTarget } from './lambda-invoke'
import { seedUsers } from './seed-users'

// One bundle, one table: every event shape below reaches the same cold-started handler.
let dynamo: LocalDynamoDb | undefined
let handler: Promise<LambdaHandler> | undefined

function bundledHandler(): Promise<LambdaHandler> {
  handler ??= (async () => {
    dynamo = await startDynalite()
    const table = await dynamo.createTable()
    await seedUsers(dynamo.endpoint, table, CONFORMANCE_USERS)
    return loadBundledHandler({
      USERS_TABLE: table,
      AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint,
      WEBHOOK_USERNAME: CONFORMANCE_CREDENTIALS.username,
      WEBHOOK_PASSWORD: CONFORMANCE_CREDENTIALS.password,
      LOG_LEVEL: 'silent',
    })
  })()
  return handler
}

afterAll(() => dynamo?.close())

for (const kind of EVENT_KINDS) {
  for (const base64 of [false, true]) {
    const bodies = base64 ? 'base64 bodies' : 'text bodies'
    describeConformance(`Lambda bundle, ${kind} events, ${bodies}, DynamoDB`, async () =>
      lambdaTarget(await bundledHandler(), kind, { base64 }),
    )
  }
}
