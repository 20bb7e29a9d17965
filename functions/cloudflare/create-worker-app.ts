import type { Hono } from 'hono'
import type { AppEnv } from '../../shared/app/app-env'
import { createApp } from '../../shared/app/create-app'
import { createJsonLogger, isLogLevel, type Logger } from '../../shared/app/logger'
import type { PasswordVerifier } from '../../shared/passwords/verifier'
import { storeFromEnv, UnconfiguredStore } from './worker-store'
import { workerVerifiers } from './worker-verifiers'

/**
 * Builds the webhook from the Worker's bindings: credentials from the secrets
 * `WEBHOOK_USERNAME` and `WEBHOOK_PASSWORD`, the store named by `USER_STORE`, the log
 * level from `LOG_LEVEL`, Firebase's scrypt from the four `FIREBASE_*` vars and secrets,
 * the decoy hash for unknown users from `TIMING_HASH`. Missing credentials refuse every
 * call with 401.
 */
export function createWorkerApp(env: Env): Hono<AppEnv> {
  // Read as optional: secrets may be unset and vars removed from wrangler.toml.
  const config = env as Partial<
    Record<'LOG_LEVEL' | 'WEBHOOK_USERNAME' | 'WEBHOOK_PASSWORD' | 'TIMING_HASH', string>
  >
  const level = config.LOG_LEVEL?.trim() || 'info'
  const logger = createJsonLogger({ level: isLogLevel(level) ? level : 'info' })

  const picked = storeFromEnv(env)
  if ('problem' in picked) {
    logger.error({ msg: 'no user store', problem: picked.problem })
  }

  const { WEBHOOK_USERNAME: username, WEBHOOK_PASSWORD: password } = config
  const verifiers = workerVerifiers(config, logger)
  return createApp({
    credentials: username && password ? { username, password } : undefined,
    store: 'store' in picked ? picked.store : new UnconfiguredStore(picked.problem),
    verifiers,
    timingHash: timingHashFrom(config.TIMING_HASH, verifiers, logger),
    logger,
    // Cloudflare's own id of the request, so its dashboard logs and ours share one id.
    requestId: (c) => c.req.header('cf-ray'),
  })
}

/**
 * `TIMING_HASH` if a verifier knows its format. A Worker has no start-up to stop, and the
 * decoy only evens out timing, so an unknown one is logged and the default kept.
 */
export function timingHashFrom(
  value: string | undefined,
  verifiers: readonly PasswordVerifier[],
  logger: Logger,
): string | undefined {
  const hash = value?.trim()
  if (!hash) return undefined
  if (verifiers.some((verifier) => verifier.matches(hash))) return hash

  logger.error({
    msg: 'TIMING_HASH ignored',
    problem: 'TIMING_HASH is in a format no verifier knows; the default bcrypt hash is used.',
  })
  return undefined
}
