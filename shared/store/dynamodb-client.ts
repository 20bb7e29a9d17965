import { DynamoDBClient } from '@aws-sdk/client-dynamodb'

/** Two attempts: one retry covers a dropped connection, a second would not fit in 3 s. */
export const DYNAMODB_MAX_ATTEMPTS = 2
// A TCP+TLS connect to a regional endpoint takes tens of milliseconds; 300 ms is ample
// and fails fast when the endpoint cannot be reached.
const CONNECTION_TIMEOUT_MS = 300
const REQUEST_TIMEOUT_MS = 800

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
    },
  })
}
