import type { Logger } from '../../shared/app/logger'
import type { PasswordVerifier } from '../../shared/passwords/verifier'
import { PasswordSettingError, verifiersFromEnv } from '../../shared/passwords/verifiers-from-env'
import { WebhookError } from '../../shared/protocol/errors'

/**
 * The verifiers the Worker's vars and secrets ask for (see `verifiersFromEnv`). A Worker
 * has no start-up to stop, so a bad `FIREBASE_*` setting is logged once and every
 * `passwordVerify` answers 500 `internal_error` naming the variable; `authMethods` still
 * answers.
 */
export function workerVerifiers(
  env: Readonly<Record<string, unknown>>,
  logger: Logger,
): readonly PasswordVerifier[] {
  try {
    return verifiersFromEnv(env)
  } catch (error) {
    if (!(error instanceof PasswordSettingError)) throw error
    logger.error({ msg: 'bad password settings', problem: error.message })
    return [refusingVerifier(error.message)]
  }
}

function refusingVerifier(problem: string): PasswordVerifier {
  const refuse = (): never => {
    throw new WebhookError('internal_error', `${problem} Fix the setting and deploy again.`)
  }
  return {
    name: 'unconfigured',
    matches: () => true,
    check: refuse,
    verify: async () => refuse(),
  }
}
