import { describe } from 'vitest'
import { describeAnswers } from './answers.suite'
import { describeErrors } from './errors.suite'
import type { TargetFactory } from './target'

export { CONFORMANCE_CREDENTIALS, CONFORMANCE_USERS } from './fixtures'
export type { FetchTarget, TargetFactory } from './target'

/**
 * The protocol conformance suite: every answer and every row of the error table, sent as
 * HTTP requests to a target seeded with `CONFORMANCE_USERS` and guarded by
 * `CONFORMANCE_CREDENTIALS`. Each runtime and store runs it against its own target.
 */
export function describeConformance(name: string, makeTarget: TargetFactory) {
  describe(`webhook conformance: ${name}`, () => {
    describeAnswers(makeTarget)
    describeErrors(makeTarget)
  })
}
