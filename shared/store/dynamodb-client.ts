import { DynamoDBClient } from '@aws-sdk/client-dynamodb'

/** Two attempts: one retry covers a dropped connection, a second would not fit in 3 s. */
export const DYNAMODB_MAX_ATTEMPTS = 2
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
    maxAttempts: DYNAMODB_MAX_ATTEMPTS,
    // The SDK builds its Node HTTP handler from these options.
    requestHandler: {
      connectionTimeout: CONNECTION_TIMEOUT_MS,
      requestTimeout: REQUEST_TIMEOUT_MS,
      // Without this the handler only logs a warning when an attempt runs over.
      throwOnRequestTimeout: true,
    },
  })
}
