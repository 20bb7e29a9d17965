import {
  BatchWriteItemCommand,
  type DynamoDBClient,
  ResourceNotFoundException,
  type WriteRequest,
} from '@aws-sdk/client-dynamodb'
import { userToItems } from '../../shared/store/dynamodb-item'
import type { UserRecord } from '../../shared/store/user-store'
import type { ImportTarget } from './target'

// Unlike Workers KV's 512-byte keys, DynamoDB's partition key takes 2,048 bytes: an
// identifier of 320 UTF-16 units is at most 960 UTF-8 bytes, so no row can pass it.

/** DynamoDB's limit of items in one `BatchWriteItem` call. */
const MAX_BATCH_ITEMS = 25
const MAX_ATTEMPTS = 8
// 50 ms doubled up to 8 attempts waits at most 6.35 s in all for a throttled table.
const FIRST_BACKOFF_MS = 50

export interface DynamoDbTargetOptions {
  client: DynamoDBClient
  tableName: string
  /** Waits between retries of unprocessed items; replaced in tests to run fast. */
  sleep?: (ms: number) => Promise<void>
}

/**
 * Writes users into the users table, one item per identifier (see
 * shared/store/dynamodb-item.ts). Items are put by key, so a second import of the same
 * file leaves the table as it was. An alias dropped from a user since the last import
 * keeps its old item: delete it by hand or import into a fresh table. Duplicates are
 * refused within one file only: a later file claiming an identifier of an earlier one
 * overwrites that identifier's item (docs/aws.md, "Importing users").
 */
export class DynamoDbTarget implements ImportTarget {
  readonly batchSize = MAX_BATCH_ITEMS
  readonly #options: DynamoDbTargetOptions

  constructor(options: DynamoDbTargetOptions) {
    this.#options = options
  }

  async write(users: readonly UserRecord[]): Promise<void> {
    const requests: WriteRequest[] = users
      .flatMap(userToItems)
      .map((Item) => ({ PutRequest: { Item } }))

    for (let start = 0; start < requests.length; start += MAX_BATCH_ITEMS) {
      await this.#writeBatch(requests.slice(start, start + MAX_BATCH_ITEMS))
    }
  }

  async close(): Promise<void> {
    this.#options.client.destroy()
  }

  async #writeBatch(requests: WriteRequest[]): Promise<void> {
    const { client, tableName, sleep = delay } = this.#options
    let pending = requests

    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const output = await client
        .send(new BatchWriteItemCommand({ RequestItems: { [tableName]: pending } }))
        .catch((error) => this.#explain(error))
      pending = output.UnprocessedItems?.[tableName] ?? []
      if (pending.length === 0) return
      if (attempt < MAX_ATTEMPTS) await sleep(FIRST_BACKOFF_MS * 2 ** (attempt - 1))
    }

    throw new Error(
      `DynamoDB did not take ${pending.length} items into ${tableName} after ${MAX_ATTEMPTS} attempts; the table is throttled, run the import again later`,
    )
  }

  // DynamoDB says "Requested resource not found", naming neither the table nor the region.
  async #explain(error: unknown): Promise<never> {
    if (!(error instanceof ResourceNotFoundException)) throw error
    const { client, tableName } = this.#options
    const region = await client.config.region()
    throw new Error(
      `table ${tableName} not found in region ${region}: give --table the UsersTableName and --region the region of the stack (\`npx sls info --verbose --region REGION\` prints the name)`,
      { cause: error },
    )
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}
