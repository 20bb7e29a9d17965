import { fileURLToPath } from 'node:url'
import type { LambdaHandler } from './lambda-invoke'

const BUNDLE = fileURLToPath(new URL('../../dist/aws/handler.mjs', import.meta.url))

/**
 * Loads the built Lambda bundle (made by test/aws/global-setup.ts) with these
 * environment variables, as the Lambda runtime would at cold start.
 */
export async function loadBundledHandler(env: Record<string, string>): Promise<LambdaHandler> {
  Object.assign(process.env, env)
  const module = (await import(/* @vite-ignore */ BUNDLE)) as { handler: LambdaHandler }
  return module.handler
}
