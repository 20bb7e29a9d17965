import { describe, expect, it, vi } from 'vitest'
import { createLambdaHandler } from '../../functions/aws/create-handler'
import { jsonBodyGuard } from '../../functions/aws/json-body-guard'
import { createApp } from '../../shared/app/create-app'
import { silentLogger } from '../../shared/app/logger'
import { createDynamoDbClient } from '../../shared/store/dynamodb-client'
import { MemoryStore } from '../../shared/store/memory-store'
import { parseUsers } from '../../shared/store/users-file'
import { CONFORMANCE_CREDENTIALS, CONFORMANCE_USERS, EXISTING_USER } from '../conformance/fixtures'
import { authMethodsCall, basicAuthorization, webhookRequest } from '../conformance/requests'
import { FAKE_AWS_ENV } from './dynalite'
import { closedPortUrl } from './fake-endpoints'
import { EVENT_KINDS, lambdaTarget } from './lambda-invoke'

Object.assign(process.env, FAKE_AWS_ENV)

// The bodies below are refused before any lookup, so the store is never reached: a
// closed port proves it, since a lookup there would answer 503.
const unreachable = createDynamoDbClient({ endpoint: await closedPortUrl() })
const env = { USERS_TABLE: 'users', LOG_LEVEL: 'silent' }
const credentials = {
  WEBHOOK_USERNAME: CONFORMANCE_CREDENTIALS.username,
  WEBHOOK_PASSWORD: CONFORMANCE_CREDENTIALS.password,
}
const lambda = createLambdaHandler({ env: { ...env, ...credentials }, dynamoDbClient: unreachable })
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
  ['a bad body without credentials', { credentials: null, rawBody: '{' }],
  [
    'a bad body with a wrong password',
    { credentials: { username: 'u', password: 'p' }, rawBody: '{' },
  ],
  ['a bad body without an action header', { action: null, rawBody: '{' }],
  ['a bad body with an unknown action', { action: 'deleteUser', contentType: 'text/plain' }],
  ['a bad body over the size limit', { rawBody: `{${'x'.repeat(20_000)}` }],
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

  it('refuses a malformed body only once the caller has passed the credential check', async () => {
    const withoutCredentials = createLambdaHandler({ env, dynamoDbClient: unreachable })
    const send = lambdaTarget(withoutCredentials, 'httpApi')

    const unconfigured = await send(webhookRequest({ rawBody: '{' }))
    const configured = await lambdaTarget(lambda, 'httpApi')(webhookRequest({ rawBody: '{' }))

    expect((await unconfigured.json()).error.code).toBe('credentials_not_configured')
    expect((await configured.json()).error.code).toBe('invalid_body')
  })

  it('logs one line for a body refused before the app, without the body', async () => {
    const logged = createLambdaHandler({
      env: { ...env, ...credentials, LOG_LEVEL: 'info' },
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
      action: 'authMethods',
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

describe('jsonBodyGuard', () => {
  const guard = jsonBodyGuard(silentLogger)
  const authorization = basicAuthorization(CONFORMANCE_CREDENTIALS)
  const requestWith = (body: string) => ({
    event: {
      version: '2.0',
      rawPath: '/webhook',
      requestContext: { http: { method: 'POST' } },
      headers: {
        authorization,
        'x-corbado-action': 'authMethods',
        'content-type': 'application/json',
      },
      body,
      isBase64Encoded: false,
    },
    context: {
      awsRequestId: 'req-1',
      webhookCredentials: CONFORMANCE_CREDENTIALS,
    },
  })

  it('answers a malformed body itself, so the app never runs', async () => {
    const request = requestWith('{')

    const result = await guard.before?.(request as never)

    expect(result).toMatchObject({ statusCode: 400, headers: { 'x-request-id': 'req-1' } })
  })

  it('passes a well-formed body on with its text untouched', async () => {
    const request = requestWith('{"id":"who-1"}')

    const result = await guard.before?.(request as never)

    expect(result).toBeUndefined()
    expect(request.event.body).toBe('{"id":"who-1"}')
  })
})
