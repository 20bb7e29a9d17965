import { DynamoDBClient } from '@aws-sdk/client-dynamodb'
import { d1TargetDefinition, kvTargetDefinition } from './cloudflare-targets'
import { DynamoDbTarget } from './dynamodb-target'
import type { ImportTarget } from './target'

/** One command-line flag of a target: `--name value`, or `--name` alone for a boolean. */
export interface TargetFlag {
  description: string
  required?: boolean
  /** Default `string`. */
  type?: 'string' | 'boolean'
}

/** The flags' values as given; absent flags are `undefined`. */
export type TargetOptions = Readonly<Record<string, string | boolean | undefined>>

/** A backend the import tool can write to: its flags and how to open it from them. */
export interface TargetDefinition {
  readonly flags: Readonly<Record<string, TargetFlag>>
  open(options: TargetOptions): ImportTarget | Promise<ImportTarget>
}

export const stringOf = (value: string | boolean | undefined) =>
  typeof value === 'string' ? value : undefined

/** Every import target, by the name given to `--to`. Add a backend here. */
export const TARGETS: Record<string, TargetDefinition> = {
  dynamodb: {
    flags: {
      table: { description: 'the users table name', required: true },
      endpoint: { description: 'a DynamoDB Local or dynalite URL' },
      region: { description: 'the AWS region (default: AWS_REGION or the AWS profile)' },
    },
    open: async (options) => {
      // Not the webhook's client with its 1 s budget: an import may wait out throttling.
      const client = new DynamoDBClient({
        region: stringOf(options.region),
        endpoint: stringOf(options.endpoint),
        maxAttempts: 5,
      })
      // The SDK's own "Region is missing" comes at the first write and names no flag.
      if (!(await client.config.region().catch(() => undefined))) {
        client.destroy()
        throw new Error(
          'no AWS region: pass --region with the region the stack was deployed to, or set AWS_REGION',
        )
      }
      return new DynamoDbTarget({ client, tableName: stringOf(options.table) ?? '' })
    },
  },
  kv: kvTargetDefinition,
  d1: d1TargetDefinition,
}
