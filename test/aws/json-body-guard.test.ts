import { describe, expect, it, vi } from 'vitest'
import { createLambdaHandler } from '../../functions/aws/create-handler'
import { createApp } from '../../shared/app/create-app'
import { createDynamoDbClient } from '../../shared/store/dynamodb-client'
import { MemoryStore } from '../../shared/store/memory-store'
import { parseUsers } from '../../shared/store/users-file'
import { CONFORMANCE_CREDENTIALS, CONFORMANCE_USERS, EXISTING_USER } from '../conformance/fixtures'
import { authMethodsCall, webhookRequest } from '../conformance/requests'
import { FAKE_AWS_ENV } from './dynalite'
import { closedPortUrl } from './fake-endpoints'
import { EVENT_KINDS, lambdaTarget } from './lambda-invoke'

Object.assign(process.env, FAKE_AWS_ENV)

// The bodies below are refused before any lookup, so the store is never reached: a
// closed port proves it, since a lookup there would answer 503.
const unreachable = createDynamoDbClient({ endpoint: await closedPortUrl() })
const env = { USERS_TABLE: 'users', LOG_LEVEL: 'silent' }
const lambda = createLambdaHandler({
  env: {
    ...env,
    WEBHOOK_USERNAME: CONFORMANCE_CREDENTIALS.username,
    WEBHOOK_PASSWORD: CONFORMANCE_CREDENTIALS.password,
  },
  dynamoDbClient: unreachable,
})
const app = createApp({
  credentials: CONFORMANCE_CREDENTIALS,
  store: new MemoryStore(parseUsers(CONFORMANCE_USERS).users),
})

const REFUSED = [
  ['an empty body', { rawBody: '' }],
  ['a truncated body', { rawBody: '{"id": "who-1",' }],
  ['a body that is not JSON', { rawBody: 'username=jane' }],
  ['a text/plain body', { contentType: 'text/plain', rawBody: '{}' }],
  ['a body without Content-Type', { contentType: null, rawBody: '{}' }],
] as const

describe('the JSON body guard in front of the Lambda app', () => {
  for (const kind of EVENT_KINDS) {
    it.each(REFUSED)(`refuses %s exactly as the app does (${kind} events)`, async (_, call) => {
      const send = lambdaTarget(lambda, kind, { base64: kind === 'functionUrl' })

      const fromLambda = await send(webhookRequest(call))
      const fromApp = await app.fetch(webhookRequest(call))

      expect(fromLambda.status).toBe(fromApp.status)
      expect(fromLambda.headers.get('Content-Type')).toBe(fromApp.headers.get('Content-Type'))
      expect(await fromLambda.text()).toBe(await fromApp.text())
    })
  }

  it('leaves a JSON content type in capitals to the app, which accepts it', async () => {
    const send = lambdaTarget(lambda, 'httpApi')

    const response = await send(authMethodsCall(EXISTING_USER, { contentType: 'Application/JSON' }))

    // 503, not 400: the call passed every check and reached the (unreachable) store.
    expect(response.status).toBe(503)
  })

  it('refuses a malformed body before the credentials are checked', async () => {
    const withoutCredentials = createLambdaHandler({ env, dynamoDbClient: unreachable })
    const send = lambdaTarget(withoutCredentials, 'httpApi')

    const malformed = await send(webhookRequest({ rawBody: '{' }))
    const wellFormed = await send(authMethodsCall(EXISTING_USER))

    expect(malformed.status).toBe(400)
    expect(wellFormed.status).toBe(401)
  })

  it('logs one line for a body refused before the app, without the body', async () => {
    const logged = createLambdaHandler({
      env: { ...env, LOG_LEVEL: 'info' },
      dynamoDbClient: unreachable,
    })
    const lines: string[] = []
    const spy = vi.spyOn(console, 'log').mockImplementation((line: string) => {
      lines.push(line)
    })

    await lambdaTarget(logged, 'httpApi')(webhookRequest({ rawBody: '{"password":"hunter2"' }))
    spy.mockRestore()

    expect(lines).toHaveLength(1)
    expect(JSON.parse(lines[0] ?? '')).toMatchObject({
      level: 'warn',
      msg: 'webhook request',
      outcome: 'invalid_body',
      status: 400,
    })
    expect(lines[0]).not.toContain('hunter2')
  })

  it('refuses a bad body with the request id of the Lambda invocation', async () => {
    const send = lambdaTarget(lambda, 'rest')

    const response = await send(webhookRequest({ rawBody: '{' }))

    expect(response.headers.get('X-Request-Id')).toMatch(/^[0-9a-f-]{36}$/)
  })
})
