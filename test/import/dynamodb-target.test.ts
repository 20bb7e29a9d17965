import {
  type BatchWriteItemCommandInput,
  type BatchWriteItemCommandOutput,
  type DynamoDBClient,
  ScanCommand,
} from '@aws-sdk/client-dynamodb'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DynamoDbTarget } from '../../infra/import/dynamodb-target'
import { importUsers } from '../../infra/import/import-users'
import { parseJsonUsers } from '../../infra/import/read-users-file'
import { createDynamoDbClient } from '../../shared/store/dynamodb-client'
import { type LocalDynamoDb, startDynalite } from '../aws/dynalite'

let dynamo: LocalDynamoDb

beforeAll(async () => {
  dynamo = await startDynalite()
})

afterAll(() => dynamo.close())

/**
 * MOCK of a throttled table: dynalite always takes a whole batch, so for its first
 * `times` batches this SDK middleware forwards only a `share` of the items and hands the
 * rest back as `UnprocessedItems`, as DynamoDB does under load.
 */
function leaveUnprocessed(client: DynamoDBClient, times: number, share: number): void {
  let remaining = times
  client.middlewareStack.add(
    (next, context) => async (args) => {
      if (context.commandName !== 'BatchWriteItemCommand' || remaining <= 0) return next(args)
      remaining -= 1
      const [[table, requests]] = Object.entries(
        (args.input as BatchWriteItemCommandInput).RequestItems ?? {},
      ) as [[string, NonNullable<BatchWriteItemCommandInput['RequestItems']>[string]]]
      const half = Math.ceil(requests.length * share)
      const taken = requests.slice(0, half)

      const result = taken.length
        ? await next({ ...args, input: { RequestItems: { [table]: taken } } })
        : { output: {} as BatchWriteItemCommandOutput, response: {} }
      ;(result.output as BatchWriteItemCommandOutput).UnprocessedItems = {
        [table]: requests.slice(half),
      }
      return result
    },
    { step: 'initialize', name: 'leaveUnprocessed' },
  )
}

const usersFile = (count: number) =>
  parseJsonUsers(
    JSON.stringify(
      Array.from({ length: count }, (_, i) => ({
        username: `user${i}@example.com`,
        aliases: [`u${i}`],
      })),
    ),
  )

describe('DynamoDbTarget', () => {
  it('retries unprocessed items with growing waits until every item is written', async () => {
    const tableName = await dynamo.createTable()
    const client = createDynamoDbClient({ endpoint: dynamo.endpoint })
    leaveUnprocessed(client, 3, 0.5)
    const waits: number[] = []
    const sleep = async (ms: number) => {
      waits.push(ms)
    }

    const summary = await importUsers(
      usersFile(20),
      new DynamoDbTarget({ client, tableName, sleep }),
    )

    const check = createDynamoDbClient({ endpoint: dynamo.endpoint })
    const { Count } = await check.send(new ScanCommand({ TableName: tableName, Select: 'COUNT' }))
    expect(summary.written).toBe(20)
    expect(Count).toBe(40)
    expect(waits).toEqual([50, 100, 200])
  })

  it('throws naming the count when items stay unprocessed after the last attempt', async () => {
    const tableName = await dynamo.createTable()
    const client = createDynamoDbClient({ endpoint: dynamo.endpoint })
    leaveUnprocessed(client, Number.POSITIVE_INFINITY, 0)
    const target = new DynamoDbTarget({ client, tableName, sleep: async () => {} })

    const writing = importUsers(usersFile(1), target)

    await expect(writing).rejects.toThrow(/did not take 2 items into .* after 8 attempts/)
  })
})
