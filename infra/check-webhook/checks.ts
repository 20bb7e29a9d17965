import { randomUUID } from 'node:crypto'
import { ALLOW_POST, answer, BASIC_CHALLENGE, type Expectation, refusal } from './expectations'
import type { CheckerOptions } from './options'
import { basicAuthorization, callWebhook, corbadoBody, type WebhookRequest } from './webhook-call'

/** `corbado`: the test in Corbado's developer panel; `protocol`: what else the protocol asks. */
export type CheckKind = 'corbado' | 'protocol'

/** One request and what must come back for it. */
export interface Check {
  name: string
  kind: CheckKind
  request: WebhookRequest
  expect: Expectation
}

/** How one check went. `problems` and `received` are masked; `received` is cut short. */
export interface CheckResult {
  name: string
  kind: CheckKind
  isPassed: boolean
  status: number | undefined
  durationMs: number
  problems: string[]
  expected: string
  received: string
}

/** Longest received body kept in a result; enough to see an error page's title. */
const MAX_RECEIVED_CHARS = 400

/** Every check, in the order they run: Corbado's own test first. */
export function buildChecks(options: CheckerOptions): Check[] {
  const authorization = basicAuthorization(options.username, options.password)
  const wrongAuthorization = basicAuthorization(options.username, `wrong-${randomUUID()}`)
  const authMethods = (username: string) => corbadoBody('authMethods', { username })
  const passwordVerify = (username: string, password: string) =>
    corbadoBody('passwordVerify', { username, password })
  const valid = passwordVerify(options.validUser, options.validPassword)

  return [
    {
      name: 'passwordVerify accepts the valid password',
      kind: 'corbado',
      request: { action: 'passwordVerify', authorization, body: valid },
      expect: answer({ success: true }),
    },
    {
      name: 'authMethods answers exists for the valid user',
      kind: 'corbado',
      request: { action: 'authMethods', authorization, body: authMethods(options.validUser) },
      expect: answer({ status: 'exists' }),
    },
    {
      name: 'authMethods answers not_exists for the unknown user',
      kind: 'corbado',
      request: { action: 'authMethods', authorization, body: authMethods(options.unknownUser) },
      expect: answer({ status: 'not_exists' }),
    },
    {
      name: 'passwordVerify refuses a wrong password',
      kind: 'protocol',
      request: {
        action: 'passwordVerify',
        authorization,
        body: passwordVerify(options.validUser, `wrong-${randomUUID()}`),
      },
      expect: answer({ success: false }),
    },
    {
      name: 'passwordVerify answers false for the unknown user',
      kind: 'protocol',
      request: {
        action: 'passwordVerify',
        authorization,
        body: passwordVerify(options.unknownUser, `wrong-${randomUUID()}`),
      },
      expect: answer({ success: false }),
    },
    {
      name: 'a call without credentials gets 401',
      kind: 'protocol',
      request: { action: 'passwordVerify', authorization: undefined, body: valid },
      expect: refusal(401, BASIC_CHALLENGE),
    },
    {
      name: 'a call with a wrong webhook password gets 401',
      kind: 'protocol',
      request: { action: 'passwordVerify', authorization: wrongAuthorization, body: valid },
      expect: refusal(401, BASIC_CHALLENGE),
    },
    {
      name: 'a call without X-Corbado-Action gets 400',
      kind: 'protocol',
      request: { action: undefined, authorization, body: authMethods(options.validUser) },
      expect: refusal(400),
    },
    {
      name: 'a call with an unknown X-Corbado-Action gets 400',
      kind: 'protocol',
      request: {
        action: 'deleteUser',
        authorization,
        body: corbadoBody('deleteUser', { username: options.validUser }),
      },
      expect: refusal(400),
    },
    {
      name: 'a body whose action differs from X-Corbado-Action gets 400',
      kind: 'protocol',
      request: { action: 'passwordVerify', authorization, body: authMethods(options.validUser) },
      expect: refusal(400),
    },
    {
      name: 'a GET gets 405 with Allow: POST',
      kind: 'protocol',
      request: { method: 'GET', action: 'authMethods', authorization, body: undefined },
      expect: refusal(405, ALLOW_POST),
    },
  ]
}

/**
 * Runs the checks one after another, as Corbado calls, so each time is the call's own.
 * What the server sent is masked here, the body before it is cut so no part of a secret
 * survives the cut; the rest of a result is the checker's own text and holds no secret.
 */
export async function runChecks(
  checks: Check[],
  options: CheckerOptions,
  mask: (text: string) => string,
): Promise<CheckResult[]> {
  const results: CheckResult[] = []
  for (const check of checks) {
    const reply = await callWebhook(options.url, check.request, options.timeoutMs)

    const problems = check.expect.problemsOf(reply)
    if (reply.failure === undefined && reply.durationMs > options.budgetMs) {
      problems.push(
        `took ${Math.round(reply.durationMs)} ms, over the budget of ${options.budgetMs} ms`,
      )
    }
    results.push({
      name: check.name,
      kind: check.kind,
      isPassed: problems.length === 0,
      status: reply.status,
      durationMs: Math.round(reply.durationMs),
      problems: problems.map(mask),
      expected: check.expect.describe,
      received: mask(reply.bodyText).slice(0, MAX_RECEIVED_CHARS),
    })
  }
  return results
}
