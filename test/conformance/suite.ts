import { describe } from 'vitest'
import { describeAnswers } from './answers.suite'
import { describeErrors } from './errors.suite'
import { describeFaults, type FaultTargets } from './faults.suite'
import type { TargetFactory } from './target'

export type { FaultTargets } from './faults.suite'
export { CONFORMANCE_CREDENTIALS, CONFORMANCE_USERS, UNSUPPORTED_HASH_USER } from './fixtures'
export type { FetchTarget, TargetFactory } from './target'

/** What a runner adds to the suite beyond its seeded target. */
export interface ConformanceOptions {
  /** Broken targets for the 503 and `credentials_not_configured` rows; each is optional. */
  faults?: FaultTargets
  /**
   * The target refuses at start a user whose hash it cannot use (no verifier knows it, or
   * its verifier's `check` refuses it), so it is seeded without such users, and the
   * `unsupported_hash` and `invalid_hash` rows are left to the runner's own start tests.
   */
  isUnusableHashRefusedAtLoad?: boolean
}

/**
 * The protocol conformance suite: every answer and every row of the error table, sent as
 * HTTP requests to a target seeded with `CONFORMANCE_USERS` and guarded by
 * `CONFORMANCE_CREDENTIALS`. Each runtime and store runs it against its own target;
 * `options` adds the rows that need a broken target.
 */
export function describeConformance(
  name: string,
  makeTarget: TargetFactory,
  options: ConformanceOptions = {},
) {
  describe(`webhook conformance: ${name}`, () => {
    describeAnswers(makeTarget, { hasUnsupportedHashUser: !options.isUnusableHashRefusedAtLoad })
    describeErrors(makeTarget)
    describeFaults(options.faults ?? {})
  })
}
