import { describe, expect, it, vi } from 'vitest'
import { createLambdaHandler } from '../../functions/aws/create-handler'
import { createDynamoDbClient } from '../../shared/store/dynamodb-client'
import { CONFORMANCE_CREDENTIALS, EXISTING_USER } from '../conformance/fixtures'
import { authMethodsCall, webhookRequest } from '../conformance/requests'
import { FAKE_AWS_ENV } from './dynalite'
import { closedPortUrl } from './fake-endpoints'
import { EVENT_KINDS, lambdaTarget } from './lambda-invoke'

// SPY, not a mock: the real event adapter runs, and each event it is handed is counted,
// so a test can tell whether the app ran or Middy answered before it.
const appRuns = vi.hoisted(() => ({ count: 0 }))
vi.mock('../../functions/aws/event-adapter', async (importOriginal) => {
  const adapter = await importOriginal<typeof import('../../functions/aws/event-adapter')>()
  return {
    ...adapter,
    handleEvents: (...args: Parameters<typeof adapter.handleEvents>) => {
      const run = adapter.handleEvents(...args)
      return (...call: Parameters<typeof run>) => {
        appRuns.count += 1
        return run(...call)
      }
    },
  }
})

Object.assign(process.env, FAKE_AWS_ENV)

// The app is meant to reach no store here: a closed port answers any lookup with 503.
const lambda = createLambdaHandler({
  env: {
    USERS_TABLE: 'users',
    LOG_LEVEL: 'silent',
    WEBHOOK_USERNAME: CONFORMANCE_CREDENTIALS.username,
    WEBHOOK_PASSWORD: CONFORMANCE_CREDENTIALS.password,
  },
  dynamoDbClient: createDynamoDbClient({ endpoint: await closedPortUrl() }),
})

async function appRunsFor(send: (request: Request) => Promise<Response>, request: Request) {
  const before = appRuns.count
  const response = await send(request)
  return { response, appRuns: appRuns.count - before }
}

describe('the Lambda handler with Middy JSON body parsing', () => {
  for (const kind of EVENT_KINDS) {
    it(`refuses a malformed body before the app runs (${kind} events)`, async () => {
      const send = lambdaTarget(lambda, kind, { base64: kind === 'functionUrl' })

      const { response, appRuns } = await appRunsFor(send, webhookRequest({ rawBody: '{"id":' }))

      expect(response.status).toBe(400)
      expect((await response.json()).error.code).toBe('invalid_body')
      expect(appRuns).toBe(0)
    })

    it(`refuses a body declared text/plain before the app runs (${kind} events)`, async () => {
      const send = lambdaTarget(lambda, kind)
      const request = webhookRequest({ contentType: 'text/plain', rawBody: '{}' })

      const { response, appRuns } = await appRunsFor(send, request)

      expect((await response.json()).error.code).toBe('invalid_content_type')
      expect(appRuns).toBe(0)
    })
  }

  it('hands a well-formed body to the app', async () => {
    const send = lambdaTarget(lambda, 'httpApi')

    const { response, appRuns } = await appRunsFor(send, authMethodsCall(EXISTING_USER))

    // 503: the app ran and reached the unreachable store.
    expect(response.status).toBe(503)
    expect(appRuns).toBe(1)
  })

  it('leaves a malformed body from a caller with wrong credentials to the app', async () => {
    const send = lambdaTarget(lambda, 'httpApi')
    const request = webhookRequest({ credentials: { username: 'u', password: 'p' }, rawBody: '{' })

    const { response, appRuns } = await appRunsFor(send, request)

    expect(response.status).toBe(401)
    expect(appRuns).toBe(1)
  })
})
