import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDynamoDbClient } from '../../shared/store/dynamodb-client'
import { DynamoDbStore } from '../../shared/store/dynamodb-store'
import { type LocalDynamoDb, startDynalite } from '../aws/dynalite'
import { seedUsers } from '../aws/seed-users'
import { CONTRACT_USERS, storeContract } from './store-contract'

let dynamo: LocalDynamoDb
let store: DynamoDbStore
// Every HTTP request the store's client sends, by command name, retries included: the
// deserialize step runs once per attempt.
const sent: string[] = []

beforeAll(async () => {
  dynamo = await startDynalite()
  const tableName = await dynamo.createTable()
  await seedUsers(dynamo.endpoint, tableName, CONTRACT_USERS)
  const client = createDynamoDbClient({ endpoint: dynamo.endpoint })
  client.middlewareStack.add(
    (next, context) => (args) => {
      sent.push(context.commandName ?? 'unknown')
      return next(args)
    },
    { step: 'deserialize', name: 'countRequests' },
  )
  store = new DynamoDbStore({ client, tableName })
})

afterAll(() => dynamo.close())

storeContract('DynamoDbStore on dynalite', async () => store)

describe('DynamoDbStore lookups', () => {
  it.each([
    ['a username', 'jane.doe@example.com'],
    ['an alias', 'jane'],
    ['a phone number alias', '+4915112345678'],
    ['an unknown identifier', 'nobody@example.com'],
  ])('looks up %s with exactly one GetItem', async (_, identifier) => {
    sent.length = 0

    await store.findUser(identifier)

    expect(sent).toEqual(['GetItemCommand'])
  })
})
