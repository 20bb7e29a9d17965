import { DynamoDBClient } from '@aws-sdk/client-dynamodb'
import { DynamoDbTarget } from '../../infra/import/dynamodb-target'
import { importUsers } from '../../infra/import/import-users'

/**
 * Fills a table through the import tool's own checks and writes, as a deployment would,
 * but without looking at hashes: the conformance users hold, on purpose, hashes that an
 * import refuses (one no verifier knows, one past the limits), to show what the webhook
 * answers when a store holds them anyway.
 */
export async function seedUsers(endpoint: string, table: string, rows: readonly unknown[]) {
  const client = new DynamoDBClient({
    endpoint,
    region: 'local',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  })
  const file = { rows: [...rows], describeRow: (index: number) => `index ${index}` }

  const { refused } = await importUsers(file, new DynamoDbTarget({ client, tableName: table }))

  if (refused.length > 0) {
    const reasons = refused.map(({ row, reason }) => `${row}: ${reason}`).join('\n')
    throw new Error(`seeding ${table} refused rows:\n${reasons}`)
  }
}
