import { GetParametersCommand, SSMClient } from '@aws-sdk/client-ssm'
import type { WebhookCredentials } from '../../shared/app/basic-auth'

/**
 * The longest a request waits for the credentials from Parameter Store, retries included.
 * Corbado should get an answer within about 3 s; the lookup may take up to 1.5 s
 * (STORE_TIMEOUT_MS) and a bcrypt check at cost 10 about 80 ms, so 1 s here leaves them
 * their room with some to spare. A GetParameters call in the same region takes tens of ms.
 */
export const CREDENTIALS_FETCH_BUDGET_MS = 1000
// Two attempts of at most 450 ms each (300 ms of that to connect) and the retry's backoff
// fit the budget, as for DynamoDB (shared/store/dynamodb-client.ts).
const SSM_MAX_ATTEMPTS = 2
const SSM_CONNECTION_TIMEOUT_MS = 300
const SSM_REQUEST_TIMEOUT_MS = 450

/** The names of the two SecureStrings holding the webhook username and password. */
export interface CredentialParameters {
  usernameParameter: string
  passwordParameter: string
}

type PendingFetch = { credentials: Promise<WebhookCredentials>; controller: AbortController }

/**
 * The webhook credentials from SSM Parameter Store, kept exactly as stored: a value such
 * as `"secret"` or `{"a":1}` is the password itself, never parsed. Both are asked for in
 * one GetParameters when this is made, so at cold start before the first request, and
 * kept for the container's life. A fetch that fails or outlasts
 * `CREDENTIALS_FETCH_BUDGET_MS` is aborted and forgotten, so the next request fetches
 * again.
 */
export class ParameterStoreCredentials {
  readonly #names: CredentialParameters
  readonly #client: SSMClient
  #pending: PendingFetch | undefined

  constructor(names: CredentialParameters, client: SSMClient = createSsmClient()) {
    this.#names = names
    this.#client = client
    this.#pending = this.#start()
  }

  /** The credentials, waited for at most `CREDENTIALS_FETCH_BUDGET_MS`. */
  async get(): Promise<WebhookCredentials> {
    this.#pending ??= this.#start()
    const pending = this.#pending
    try {
      return await withinBudget(pending.credentials)
    } catch (error) {
      // Closes the socket of an answer that stalled past the deadline.
      pending.controller.abort()
      if (this.#pending === pending) this.#pending = undefined
      throw error
    }
  }

  #start(): PendingFetch {
    const controller = new AbortController()
    const credentials = this.#request(controller.signal)
    // Made before any request awaits it: should it fail first, Node would see an
    // unhandled rejection, which ends a Lambda container. The request that awaits it
    // still sees the failure.
    credentials.catch(() => {})
    return { credentials, controller }
  }

  async #request(abortSignal: AbortSignal): Promise<WebhookCredentials> {
    const { usernameParameter, passwordParameter } = this.#names
    const command = new GetParametersCommand({
      Names: [usernameParameter, passwordParameter],
      WithDecryption: true,
    })
    const { Parameters = [], InvalidParameters = [] } = await this.#client.send(command, {
      abortSignal,
    })
    if (InvalidParameters.length > 0) {
      throw new Error(`Parameter Store has no parameter named ${InvalidParameters.join(', ')}.`)
    }

    const storedValue = (name: string) => {
      const value = Parameters.find((parameter) => parameter.Name === name)?.Value
      if (value === undefined) throw new Error(`Parameter Store gave no value for ${name}.`)
      return value
    }
    return { username: storedValue(usernameParameter), password: storedValue(passwordParameter) }
  }
}

function createSsmClient(): SSMClient {
  return new SSMClient({
    maxAttempts: SSM_MAX_ATTEMPTS,
    // The SDK builds its Node HTTP handler from these options.
    requestHandler: {
      connectionTimeout: SSM_CONNECTION_TIMEOUT_MS,
      requestTimeout: SSM_REQUEST_TIMEOUT_MS,
      // Without this the handler only logs a warning when an attempt runs over.
      throwOnRequestTimeout: true,
    },
  })
}

async function withinBudget<T>(work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new Error(`Parameter Store gave no credentials within ${CREDENTIALS_FETCH_BUDGET_MS} ms`),
        ),
      CREDENTIALS_FETCH_BUDGET_MS,
    )
  })
  try {
    return await Promise.race([work, deadline])
  } finally {
    clearTimeout(timer)
  }
}
