import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb'
import { GetParametersCommand, SSMClient } from '@aws-sdk/client-ssm'

// The cold start floor for bench/cold-start-aws.ts: the two AWS SDK clients the webhook
// uses, loaded and made ready the same way, with no webhook code at all.
const dynamoDb = new DynamoDBClient({})
const commands = [GetItemCommand, GetParametersCommand, SSMClient]

export const handler = async () => ({
  statusCode: 200,
  body: JSON.stringify({ ready: Boolean(dynamoDb) && commands.length === 3 }),
})
