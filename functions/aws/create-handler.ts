import type { DynamoDBClient } from '@aws-sdk/client-dynamodb'
import middy from '@middy/core'
import type { WebhookCredentials } from '../../shared/app/basic-auth'
import { createApp } from '../../shared/app/create-app'
import { toWebhookError } from '../../shared/app/error-response'
import { createJsonLogger } from '../../shared/app/logger'
import { createDynamoDbClient } from '../../shared/store/dynamodb-client'
import { DynamoDbStore } from '../../shared/store/dynamodb-store'
import { readAwsConfig } from './config'
import { type EventHandler, handleEvents, type LambdaBindings } from './event-adapter'
import { jsonBodyGuard } from './json-body-guard'
import type { LambdaEvent, LambdaResult } from './lambda-event'
import { refuseBeforeApp } from './protocol-error-result'
import { type CredentialsContext, takeCredentials, webhookCredentials } from './webhook-credentials'

export interface LambdaHandlerOptions {
  /** The function's environment; see functions/aws/config.ts for the variables. */
  env: Readonly<Record<string, string | undefined>>
  /** Replaces the DynamoDB client, e.g. to add a fault in tests. */
  dynamoDbClient?: DynamoDBClient
}

type Timing = { startedAt: number }

/**
 * The Lambda handler for API Gateway HTTP API (payload 2.0) and REST (payload 1.0)
 * events and Function URLs: Middy refuses bodies that are not JSON and fetches the
 * credentials, then the shared Hono app answers. Everything lasting (the DynamoDB client,
 * the credentials, the app) is made once per container.
 */
export function createLambdaHandler(options: LambdaHandlerOptions) {
  const config = readAwsConfig(options.env)
  const logger = createJsonLogger({ level: config.logLevel })
  const store = new DynamoDbStore({
    client: options.dynamoDbClient ?? createDynamoDbClient(),
    tableName: config.tableName,
  })
  const lambdaAppFor = memoizeByCredentials((credentials) => {
    const app = createApp({
      credentials,
      store,
      verifiers: config.verifiers,
      timingHash: config.timingHash,
      logger,
      // Lambda's request id, so that `responseID` finds the call's lines in CloudWatch.
      requestId: (c) => (c.env as Partial<LambdaBindings>).lambdaContext?.awsRequestId,
    })
    return handleEvents(app)
  })

  return middy<LambdaEvent, LambdaResult, Error, CredentialsContext, Timing>()
    .before((request) => {
      request.internal.startedAt = performance.now()
    })
    .use(webhookCredentials(config.credentials))
    .use(jsonBodyGuard(logger))
    .onError((request) => {
      // Only failures outside the app land here (the app answers its own), such as
      // Parameter Store refusing to give the credentials.
      const { event, context, internal } = request
      const error = toWebhookError(request.error)
      request.response = refuseBeforeApp(event, context, error, logger, internal.startedAt)
    })
    .handler((event, context) => {
      const { credentials, lambdaContext } = takeCredentials(context)
      return lambdaAppFor(credentials)(event, lambdaContext)
    })
}

/**
 * Keeps the app and its event handler made for the last credentials: they change only
 * with a new container.
 */
function memoizeByCredentials(
  make: (credentials: WebhookCredentials | undefined) => EventHandler,
): (credentials: WebhookCredentials | undefined) => EventHandler {
  let last: { key: string; handler: EventHandler } | undefined
  return (credentials) => {
    const key = JSON.stringify(credentials ?? null)
    if (last?.key !== key) last = { key, handler: make(credentials) }
    return last.handler
  }
}
