import type { MiddlewareObj } from '@middy/core'
import type { Context } from 'aws-lambda'
import type { WebhookCredentials } from '../../shared/app/basic-auth'
import { WebhookError } from '../../shared/protocol/errors'
import type { CredentialSource } from './config'
import {
  CREDENTIALS_FETCH_BUDGET_MS,
  ParameterStoreCredentials,
} from './parameter-store-credentials'

/** The Lambda context once the credentials are known; the handler takes them off again. */
export interface CredentialsContext extends Context {
  webhookCredentials?: WebhookCredentials
}

/**
 * Puts the webhook credentials on the context. From SSM Parameter Store, the
 * SecureStrings are fetched once per container, starting at cold start before the first
 * request arrives, and kept for its lifetime: after rotating them, redeploy (or wait for
 * new containers). A fetch that fails or outlasts `CREDENTIALS_FETCH_BUDGET_MS` answers
 * 503 `credentials_unavailable`, and the next request tries again. Plain env values serve
 * tests and local runs.
 */
export function webhookCredentials(
  source: CredentialSource,
): MiddlewareObj<unknown, unknown, Error, CredentialsContext> {
  if (source.kind === 'env') {
    const { username, password } = source
    return {
      before: function webhookCredentials(request) {
        // Without both, the app refuses every call as `credentials_not_configured`.
        if (!username || !password) return
        request.context.webhookCredentials = { username, password }
      },
    }
  }

  const parameterStore = new ParameterStoreCredentials(source)
  return {
    before: async function webhookCredentials(request) {
      try {
        request.context.webhookCredentials = await parameterStore.get()
      } catch (error) {
        throw new WebhookError(
          'credentials_unavailable',
          // A setting for the operator to fix, so the answer says what to check, as the
          // Worker's store_unavailable does; the cause (the SDK's error) goes to the log line.
          `The webhook could not read its credentials from SSM Parameter Store within ${CREDENTIALS_FETCH_BUDGET_MS} ms; check that both parameters exist in the function's region and that its role may ssm:GetParameters them, and see the function's log line for the cause.`,
          { cause: error },
        )
      }
    },
  }
}

/** Takes the credentials off the context, leaving the Lambda context the app is given. */
export function takeCredentials(context: CredentialsContext): {
  credentials: WebhookCredentials | undefined
  lambdaContext: Context
} {
  const { webhookCredentials: credentials, ...lambdaContext } = context
  return { credentials, lambdaContext }
}
