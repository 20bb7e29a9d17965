import {
  CreateTableCommand,
  type CreateTableCommandInput,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb'
import table from './users-table.json' with { type: 'json' }

/**
 * Creates the users table as serverless.yml declares it, on DynamoDB Local or dynalite
 * (for tests and local runs). users-table.json is the one definition of the table;
 * point-in-time recovery is a CloudFormation property, not part of `CreateTable`.
 */
export async function createUsersTable(client: DynamoDBClient, tableName: string): Promise<void> {
  const input: CreateTableCommandInput = {
    TableName: tableName,
    // JSON imports type enums as plain strings; the values are the API's own.
    AttributeDefinitions:
      table.AttributeDefinitions as CreateTableCommandInput['AttributeDefinitions'],
    KeySchema: table.KeySchema as CreateTableCommandInput['KeySchema'],
    BillingMode: table.BillingMode as CreateTableCommandInput['BillingMode'],
  }
  await client.send(new CreateTableCommand(input))
}
