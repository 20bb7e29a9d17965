import { afterAll, beforeAll } from 'vitest'
import { createDynamoDbClient } from '../../shared/store/dynamodb-client'
import { DynamoDbStore } from '../../shared/store/dynamodb-store'
import { type LocalDynamoDb, startDynalite } from '../aws/dynalite'
import { seedUsers } from '../aws/seed-users'
import { CONTRACT_USERS, storeContract } from './store-contract'

let dynamo: LocalDynamoDb
let store: DynamoDbStore

beforeAll(async () => {
  dynamo = await startDynalite()
  const tableName = await dynamo.createTable()
  await seedUsers(dynamo.endpoint, tableName, CONTRACT_USERS)
  store = new DynamoDbStore({
    client: createDynamoDbClient({ endpoint: dynamo.endpoint }),
    tableName,
  })
})

afterAll(() => dynamo.close())

storeContract('DynamoDbStore on dynalite', async () => store)
