import type { MiddlewareObj } from '@middy/core'
import ssm from '@middy/ssm'
import { clearCache, getCache } from '@middy/util'
import type { Context } from 'aws-lambda'
import type { WebhookCredentials } from '../../shared/app/basic-auth'
import { WebhookError } from '../../shared/protocol/errors'
import type { CredentialSource } from './config'

/**
 * The longest a request waits for the credentials from Parameter Store, retries included.
 * Corbado should get an answer within about 3 s; the lookup may take up to 1.5 s
 * (STORE_TIMEOUT_MS) and a bcrypt check at cost 10 about 90 ms, so 1 s here leaves them
 * their room with some to spare. A GetParameters call in the same region takes tens of ms.
 */
export const CREDENTIALS_FETCH_BUDGET_MS = 1000
// Two attempts of at most 450 ms each (300 ms of that to connect) and the retry's backoff
// fit the budget, as for DynamoDB (shared/store/dynamodb-client.ts).
const SSM_MAX_ATTEMPTS = 2
const SSM_CONNECTION_TIMEOUT_MS = 300
const SSM_REQUEST_TIMEOUT_MS = 450

/** The Lambda context once the credentials are known; the handler takes them off again. */
export interface CredentialsContext extends Context {
  webhookUsername?: unknown
  webhookPassword?: unknown
}

/**
 * Puts the webhook credentials on the context. From SSM Parameter Store, the
 * SecureStrings are fetched once per container, starting at cold start before the first
 * request arrives, and kept for its lifetime: after rotating them, redeploy (or wait for
 * new containers). A fetch that fails or outlasts `CREDENTIALS_FETCH_BUDGET_MS` answers
 * 503 `credentials_unavailable`, and the next request tries again. Plain env values serve
 * tests and local runs.
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

  // Middy caches per key for the whole process; keyed by the names, handlers reading
  // different parameters (as tests make) do not share values.
  const cacheKey = `ssm:${source.usernameParameter}:${source.passwordParameter}`
  const fromParameterStore = ssm({
    fetchData: {
      webhookUsername: source.usernameParameter,
      webhookPassword: source.passwordParameter,
    },
    setToContext: true,
    cacheKey,
    awsClientOptions: {
      maxAttempts: SSM_MAX_ATTEMPTS,
      requestHandler: {
        connectionTimeout: SSM_CONNECTION_TIMEOUT_MS,
        requestTimeout: SSM_REQUEST_TIMEOUT_MS,
        throwOnRequestTimeout: true,
      },
    },
  })
  // The fetch started above, at cold start. Should it fail before the first request
  // awaits it, Node would see an unhandled rejection, which ends a Lambda container;
  // the request that awaits it still sees the failure.
  for (const value of Object.values(getCache(cacheKey).value ?? {})) {
    Promise.resolve(value).catch(() => {})
  }

  return {
    before: async function webhookCredentials(request) {
      try {
        await withinBudget(fromParameterStore.before?.(request as never))
      } catch (error) {
        // Middy forgets only one of the failed values, which would keep the other failing
        // for the container's life: forget both, so the next request fetches again.
        clearCache(cacheKey)
        throw new WebhookError(
          'credentials_unavailable',
          `The webhook could not read its credentials from SSM Parameter Store within ${CREDENTIALS_FETCH_BUDGET_MS} ms; check that both parameters exist in the function's region and that its role may ssm:GetParameters them, and see the function's log line for the cause.`,
          { cause: underlyingError(error) },
        )
      }
    },
  }
}

// Middy wraps the SDK's errors in one of its own, "Failed to resolve internal values";
// the log line is more use naming the first of them (AccessDeniedException, say).
function underlyingError(error: unknown): unknown {
  const errors = (error as { cause?: { data?: unknown } } | undefined)?.cause?.data
  return Array.isArray(errors) && errors[0] !== undefined ? errors[0] : error
}

/**
 * Waits for `work` at most `CREDENTIALS_FETCH_BUDGET_MS`.
 *
 * Known shortcoming: a Parameter Store that sends its headers and then stalls keeps that
 * one socket open after the deadline, since @middy/ssm 6 passes no abort signal to the
 * SDK; the next request fetches on a new one. An `abortSignal` option in @middy/ssm
 * would let this close it.
 */
async function withinBudget(work: Promise<void> | void): Promise<void> {
  let timer: NodeJS.Timeout | undefined
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`no credentials within ${CREDENTIALS_FETCH_BUDGET_MS} ms`)),
      CREDENTIALS_FETCH_BUDGET_MS,
    )
  })
  try {
    await Promise.race([work, deadline])
  } finally {
    clearTimeout(timer)
  }
}

/** The credentials on the context if both are strings, without taking them off. */
export function peekCredentials(context: CredentialsContext): WebhookCredentials | undefined {
  const { webhookUsername: username, webhookPassword: password } = context
  if (typeof username !== 'string' || typeof password !== 'string') return undefined
  return { username, password }
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
