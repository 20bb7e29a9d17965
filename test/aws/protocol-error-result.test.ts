import type { Context } from 'aws-lambda'
import { describe, expect, it } from 'vitest'
import { refuseBeforeApp } from '../../functions/aws/protocol-error-result'
import { silentLogger } from '../../shared/app/logger'
import { WebhookError } from '../../shared/protocol/errors'
import { authMethodsCall } from '../conformance/requests'
import { lambdaEvent } from './lambda-invoke'

// No refusal the handler makes before the app carries headers yet, so the function is
// called directly here.
describe('refuseBeforeApp', () => {
  const context = { awsRequestId: 'req-1' } as Context

  it.each([
    ['WWW-Authenticate of a 401', 'unauthorized', 'WWW-Authenticate', 'Basic realm="x"'],
    ['Allow of a 405', 'method_not_allowed', 'Allow', 'POST'],
  ] as const)('keeps the %s beside its own headers', async (_, code, name, value) => {
    const event = await lambdaEvent(authMethodsCall('jane@example.com'), 'httpApi')
    const error = new WebhookError(code, 'Refused.', { headers: { [name]: value } })

    const result = refuseBeforeApp(event, context, error, silentLogger, performance.now())

    expect(result.statusCode).toBe(error.status)
    expect(result.headers).toEqual({
      'content-type': 'application/json; charset=utf-8',
      'x-request-id': 'req-1',
      [name.toLowerCase()]: value,
    })
  })
})
