import type { MiddlewareObj } from '@middy/core'
import ssm from '@middy/ssm'
import type { Context } from 'aws-lambda'
import type { WebhookCredentials } from '../../shared/app/basic-auth'
import { WebhookError } from '../../shared/protocol/errors'
import type { CredentialSource } from './config'

/** The Lambda context once the credentials are known; the handler takes them off again. */
export interface CredentialsContext extends Context {
  webhookUsername?: unknown
  webhookPassword?: unknown
}

/**
 * Puts the webhook credentials on the context. From SSM Parameter Store, the
 * SecureStrings are fetched once per container, starting at cold start before the first
 * request arrives, and kept for its lifetime: after rotating them, redeploy (or wait for
 * new containers). Plain env values serve tests and local runs.
 */
export function webhookCredentials(source: CredentialSource): MiddlewareObj<unknown> {
  if (source.kind === 'env') {
    return {
      before: function webhookCredentials(request) {
        // Without both, the app refuses every call as `credentials_not_configured`.
        if (!source.username || !source.password) return
        Object.assign(request.context, {
          webhookUsername: source.username,
          webhookPassword: source.password,
        })
      },
    }
  }

  return ssm({
    fetchData: {
      webhookUsername: source.usernameParameter,
      webhookPassword: source.passwordParameter,
    },
    setToContext: true,
    // One retry: a slow SSM must not hold the first request past Corbado's ~3 s.
    awsClientOptions: { maxAttempts: 2 },
  }) as MiddlewareObj<unknown>
}

/** Takes the credentials off the context, checked to be strings. */
export function takeCredentials(context: CredentialsContext): {
  credentials: WebhookCredentials | undefined
  lambdaContext: Context
} {
  const { webhookUsername: username, webhookPassword: password, ...lambdaContext } = context
  if (username === undefined && password === undefined) {
    return { credentials: undefined, lambdaContext }
  }
  // @middy/ssm parses a value starting with `{`, `[` or `"` as JSON.
  if (typeof username !== 'string' || typeof password !== 'string') {
    throw new WebhookError(
      'internal_error',
      'The webhook credentials in Parameter Store must be plain strings, not JSON.',
    )
  }
  return { credentials: { username, password }, lambdaContext }
}
