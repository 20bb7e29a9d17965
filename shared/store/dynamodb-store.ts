import {
  type DynamoDBClient,
  GetItemCommand,
  type GetItemCommandOutput,
} from '@aws-sdk/client-dynamodb'
import { itemToUser, USERS_TABLE_KEY } from './dynamodb-item'
import { StoreError, type UserRecord, type UserStore } from './user-store'

/**
 * The longest one lookup may take, retries included. Corbado's timeout is undocumented;
 * comparable hooks allow 3 s (Okta) to 5 s (Cognito), and a warm GetItem in the same region
 * takes under 10 ms, so 1 s leaves room for a retry and a cold TLS handshake.
 */
export const DYNAMODB_TIMEOUT_MS = 1000

export interface DynamoDbStoreOptions {
  /** A client made once per container, e.g. by `createDynamoDbClient`. */
  client: DynamoDBClient
  /** The users table, laid out as in infra/dynamodb/users-table.json. */
  tableName: string
  /** Aborts a lookup after this many milliseconds; defaults to `DYNAMODB_TIMEOUT_MS`. */
  timeoutMs?: number
}

/**
 * Looks users up in a DynamoDB table that holds one item per identifier (see
 * shared/store/dynamodb-item.ts), so a username or an alias is always one `GetItem`.
 * Any failure (throttling, an unreachable endpoint, a missing table, a timeout) becomes
 * a `StoreError`, which the webhook answers with 503.
 */
export class DynamoDbStore implements UserStore {
  readonly #client: DynamoDBClient
  readonly #tableName: string
  readonly #timeoutMs: number

  constructor(options: DynamoDbStoreOptions) {
    this.#client = options.client
    this.#tableName = options.tableName
    this.#timeoutMs = options.timeoutMs ?? DYNAMODB_TIMEOUT_MS
  }

  async findUser(identifier: string): Promise<UserRecord | undefined> {
    const command = new GetItemCommand({
      TableName: this.#tableName,
      Key: { [USERS_TABLE_KEY]: { S: identifier } },
      // Eventually consistent reads cost half and users change rarely.
      ConsistentRead: false,
    })

    let item: GetItemCommandOutput['Item']
    try {
      const output = await this.#client.send(command, {
        abortSignal: AbortSignal.timeout(this.#timeoutMs),
      })
      item = output.Item
    } catch (error) {
      const name = error instanceof Error ? error.name : 'unknown error'
      throw new StoreError(
        `DynamoDB GetItem on table ${this.#tableName} failed (${name}): ${ADVICE[name] ?? ADVICE.default}`,
        { cause: error },
      )
    }

    if (item === undefined) return undefined
    const user = itemToUser(item)
    if (user === undefined) {
      throw new StoreError(
        `a user stored in table ${this.#tableName} is malformed; import it again`,
      )
    }
    return user
  }
}

// What to check, by the SDK's error name; the message lands in the request's log line.
const ADVICE: Record<string, string> = {
  ResourceNotFoundException: 'check USERS_TABLE and the region',
  AccessDeniedException: "check that the function's role may dynamodb:GetItem this table",
  ProvisionedThroughputExceededException: 'the table is over its capacity; retry later',
  ThrottlingException: 'DynamoDB is throttling requests; retry later',
  TimeoutError: `no answer within ${DYNAMODB_TIMEOUT_MS} ms or the attempt timeout`,
  default: 'DynamoDB could not be reached or refused the request',
}
