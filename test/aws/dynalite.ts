import type { AddressInfo } from 'node:net'
import { DynamoDBClient } from '@aws-sdk/client-dynamodb'
import dynalite from 'dynalite'
import { createUsersTable } from '../../infra/dynamodb/create-users-table'

/** A real DynamoDB API in this process, on a free port of 127.0.0.1. */
export interface LocalDynamoDb {
  endpoint: string
  /** Creates an empty users table under a fresh name and returns the name. */
  createTable(): Promise<string>
  close(): Promise<void>
}

// The SDK signs every request even for dynalite; any key pair passes.
export const FAKE_AWS_ENV = {
  AWS_REGION: 'us-east-1',
  AWS_ACCESS_KEY_ID: 'test',
  AWS_SECRET_ACCESS_KEY: 'test',
}
Object.assign(process.env, FAKE_AWS_ENV)

let tableCount = 0

export async function startDynalite(): Promise<LocalDynamoDb> {
  // Table creation in dynalite takes 500 ms by default, to mimic AWS; tests need no wait.
  const server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const client = new DynamoDBClient({ endpoint })

  return {
    endpoint,
    async createTable() {
      tableCount += 1
      const name = `users-${process.pid}-${tableCount}`
      await createUsersTable(client, name)
      return name
    },
    async close() {
      client.destroy()
      await new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      )
    },
  }
}
