import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb'
import { GetParametersCommand, SSMClient } from '@aws-sdk/client-ssm'

// The cold start floor for bench/cold-start-aws.ts: the SDK work the webhook does at cold
// start and nothing else. Both clients are made, and the two credential parameters are
// asked for in one GetParameters at import, as the webhook does, and awaited by the
// first request.
const dynamoDb = new DynamoDBClient({})
const ssm = new SSMClient({})
const names = [process.env.WEBHOOK_USERNAME_PARAMETER, process.env.WEBHOOK_PASSWORD_PARAMETER]
if (!names.every(Boolean)) {
  throw new Error('WEBHOOK_USERNAME_PARAMETER and WEBHOOK_PASSWORD_PARAMETER must be set')
}
const credentials = ssm.send(
  new GetParametersCommand({ Names: names as string[], WithDecryption: true }),
)
// Awaited by the first request; this keeps an early failure from ending the process.
credentials.catch(() => {})
const commands = [GetItemCommand]

export const handler = async () => {
  const { Parameters = [] } = await credentials
  return {
    statusCode: 200,
    body: JSON.stringify({
      ready: Boolean(dynamoDb) && commands.length === 1 && Parameters.length === names.length,
    }),
  }
}
