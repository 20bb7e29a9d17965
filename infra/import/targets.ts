import { createDynamoDbClient } from '../../shared/store/dynamodb-client'
import { d1TargetDefinition, kvTargetDefinition } from './cloudflare-targets'
import { DynamoDbTarget } from './dynamodb-target'
import type { ImportTarget } from './target'

/** The command-line flags of one target, by name, with what they mean. */
export type TargetFlags = Record<
  string,
  {
    description: string
    required?: boolean
    /** A flag without a value, such as `--local`; `open` sees it as `'true'` when given. */
    isSwitch?: boolean
  }
>

/** A backend the import tool can write to: its flags and how to open it from them. */
export interface TargetDefinition {
  readonly flags: TargetFlags
  open(options: Readonly<Record<string, string | undefined>>): ImportTarget
}

/** Every import target, by the name given to `--to`. Add a backend here. */
export const TARGETS: Record<string, TargetDefinition> = {
  dynamodb: {
    flags: {
      table: { description: 'the users table name', required: true },
      endpoint: { description: 'a DynamoDB Local or dynalite URL' },
      region: { description: 'the AWS region (default: AWS_REGION or the AWS profile)' },
    },
    open: (options) =>
      new DynamoDbTarget({
        client: createDynamoDbClient({ region: options.region, endpoint: options.endpoint }),
        tableName: options.table ?? '',
      }),
  },
  kv: kvTargetDefinition,
  d1: d1TargetDefinition,
}
