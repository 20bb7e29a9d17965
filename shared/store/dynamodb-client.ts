import { DynamoDBClient } from '@aws-sdk/client-dynamodb'
import { ConfiguredRetryStrategy } from '@smithy/core/retry'

/** Two attempts: one retry covers a dropped connection, a second would not fit in 3 s. */
export const DYNAMODB_MAX_ATTEMPTS = 2
// The SDK waits a random time of up to 1 s before retrying a throttled call, the whole
// of DYNAMODB_TIMEOUT_MS, so the retry could come too late to be answered. Up to 100 ms,
// jittered so that containers throttled together do not retry together, leaves it room.
const RETRY_DELAY_MAX_MS = 100
// A TCP+TLS connect to a regional endpoint takes tens of milliseconds and a GetItem under
// 10 ms, so 300 ms to connect and 450 ms per attempt are ample, and both attempts fit in
// the store's 1 s budget (DYNAMODB_TIMEOUT_MS).
const CONNECTION_TIMEOUT_MS = 300
const REQUEST_TIMEOUT_MS = 450

export interface DynamoDbClientOptions {
  region?: string
  /** For DynamoDB Local or dynalite, e.g. `http://127.0.0.1:8000`. */
  endpoint?: string
}

/** A DynamoDB client with short timeouts and a bounded retry count. Make it once per process. */
export function createDynamoDbClient(options: DynamoDbClientOptions = {}): DynamoDBClient {
  return new DynamoDBClient({
    ...options,
    retryStrategy: new ConfiguredRetryStrategy(
      DYNAMODB_MAX_ATTEMPTS,
      () => Math.random() * RETRY_DELAY_MAX_MS,
    ),
    // The SDK builds its Node HTTP handler from these options.
    requestHandler: {
      connectionTimeout: CONNECTION_TIMEOUT_MS,
      requestTimeout: REQUEST_TIMEOUT_MS,
      // Without this the handler only logs a warning when an attempt runs over.
      throwOnRequestTimeout: true,
    },
  })
}
