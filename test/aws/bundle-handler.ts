import { fileURLToPath } from 'node:url'
import { AWS_BUNDLE } from '../../infra/build/aws-artifact'
import { CONFORMANCE_USERS } from '../conformance/fixtures'
import { type LocalDynamoDb, startDynalite } from './dynalite'
import type { LambdaHandler } from './lambda-invoke'
import { seedUsers } from './seed-users'

const BUNDLE = fileURLToPath(new URL(`../../${AWS_BUNDLE}`, import.meta.url))

/**
 * Loads the built Lambda bundle (made by test/aws/global-setup.ts) with these
 * environment variables, as the Lambda runtime would at cold start.
 */
export async function loadBundledHandler(env: Record<string, string>): Promise<LambdaHandler> {
  Object.assign(process.env, env)
  const module = (await import(/* @vite-ignore */ BUNDLE)) as { handler: LambdaHandler }
  return module.handler
}

/**
 * Starts dynalite with a table of the conformance users, then loads the bundle on that
 * table with `env` besides. The caller closes `dynamo`, and may write more items to `table`.
 */
export async function loadBundleOnConformanceTable(
  env: Record<string, string>,
): Promise<{ handler: LambdaHandler; dynamo: LocalDynamoDb; table: string }> {
  const dynamo = await startDynalite()
  const table = await dynamo.createTable()
  await seedUsers(dynamo.endpoint, table, CONFORMANCE_USERS)
  const handler = await loadBundledHandler({
    USERS_TABLE: table,
    AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint,
    LOG_LEVEL: 'silent',
    ...env,
  })
  return { handler, dynamo, table }
}
