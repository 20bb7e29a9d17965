import type { Handler } from 'hono'
import type { AuthMethodsRequest, PasswordVerifyRequest } from '../protocol/entities'
import { authMethods } from './actions/auth-methods'
import { type PasswordVerifyOptions, passwordVerify } from './actions/password-verify'
import type { AppEnv } from './app-env'
import { jsonResponse } from './json-response'
import {
  checkContentType,
  parseJsonBody,
  readAction,
  validateWebhookRequest,
} from './read-webhook-request'

/** The `POST /webhook` handler: checks the call, runs its action, answers the protocol. */
export function handleWebhook(options: PasswordVerifyOptions): Handler<AppEnv> {
  return async function handleWebhook(c) {
    const action = readAction(c.req.header('X-Corbado-Action'))
    c.set('action', action)

    checkContentType(c.req.header('Content-Type'))
    const request = validateWebhookRequest(action, parseJsonBody(await c.req.text()))
    c.set('callId', request.id ?? request.requestID)
    const responseID = c.get('requestId')

    if (request.action === 'authMethods') {
      const status = await authMethods(
        request as AuthMethodsRequest,
        options.store,
        options.storeTimeoutMs,
      )
      c.set('outcome', status)
      return jsonResponse(c, { responseID, data: { status } })
    }

    const success = await passwordVerify(request as PasswordVerifyRequest, options)
    c.set('outcome', success ? 'verified' : 'rejected')
    return jsonResponse(c, { responseID, data: { success } })
  }
}
