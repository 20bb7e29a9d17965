import { type DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDynamoDbClient } from '../../shared/store/dynamodb-client'
import type { DynamoDbItem } from '../../shared/store/dynamodb-item'
import { DynamoDbStore } from '../../shared/store/dynamodb-store'
import { StoreError } from '../../shared/store/user-store'
import { type LocalDynamoDb, startDynalite } from '../aws/dynalite'
import { seedUsers } from '../aws/seed-users'
import { CONTRACT_USERS, storeContract } from './store-contract'

let dynamo: LocalDynamoDb
let store: DynamoDbStore
let client: DynamoDBClient
let tableName: string
// Every HTTP request the store's client sends, by command name, retries included: the
// deserialize step runs once per attempt.
const sent: string[] = []

beforeAll(async () => {
  dynamo = await startDynalite()
  tableName = await dynamo.createTable()
  await seedUsers(dynamo.endpoint, tableName, CONTRACT_USERS)
  client = createDynamoDbClient({ endpoint: dynamo.endpoint })
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

/** Whether an attribute of a test item is there, rather than set to `undefined` to drop it. */
function isPresent<T>(entry: [string, T | undefined]): entry is [string, T] {
  return entry[1] !== undefined
}

describe('DynamoDbStore with a malformed item', () => {
  it.each<[string, Record<string, DynamoDbItem[string] | undefined>]>([
    ['a passwordHash that is a number', { passwordHash: { N: '1' } }],
    ['a passwordHash that is a list', { passwordHash: { L: [{ S: '$2b$10$abc' }] } }],
    ['an empty passwordHash', { passwordHash: { S: ' ' } }],
    ['an alias that is a number', { aliases: { L: [{ N: '1' }] } }],
    ['aliases that are a string set', { aliases: { SS: ['jane'] } }],
    // A status the store does not know must never read as an active user.
    ['a status in capitals', { status: { S: 'BLOCKED' } }],
    ['an unknown status', { status: { S: 'disabled' } }],
    ['no status', { status: undefined }],
  ])('throws a StoreError for an item with %s', async (_, attributes) => {
    const item = { identifier: { S: 'broken' }, username: { S: 'broken' }, status: { S: 'active' } }
    const present = Object.entries({ ...item, ...attributes }).filter(isPresent)
    await client.send(
      new PutItemCommand({ TableName: tableName, Item: Object.fromEntries(present) }),
    )

    const lookup = store.findUser('broken')

    await expect(lookup).rejects.toThrow(StoreError)
  })
})
