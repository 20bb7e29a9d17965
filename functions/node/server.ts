import { serve } from '@hono/node-server'
import { type AppOptions, createApp } from '../../shared/app/create-app'
import { TIMING_HASH } from '../../shared/app/defaults'
import { createJsonLogger } from '../../shared/app/logger'
import { PasswordSettingError } from '../../shared/passwords/verifiers-from-env'
import { MemoryStore } from '../../shared/store/memory-store'
import { answerClientError } from './client-error'
import { ConfigError, loadNodeConfig } from './config'
import { startBanner } from './start-banner'
import { timingHashMismatch } from './timing-hash-check'

try {
  const config = await loadNodeConfig(process.env)
  const logger = createJsonLogger({ level: config.logLevel })
  const options: AppOptions = {
    credentials: config.credentials,
    store: new MemoryStore(config.users),
    logger,
    verifiers: config.verifiers,
    timingHash: config.timingHash,
  }
  const app = createApp(options)

  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
    console.error(startBanner(config, info.port))
    const mismatch = timingHashMismatch(
      config.users,
      options.timingHash ?? TIMING_HASH,
      config.verifiers,
    )
    if (mismatch) logger.warn({ msg: mismatch })
  })
  server.on('clientError', answerClientError(logger))
  server.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EADDRINUSE') throw error
    console.error(
      `Cannot start: port ${config.port} on ${config.host} is in use; set PORT to another.`,
    )
    process.exit(1)
  })
  const stop = () => server.close(() => process.exit(0))
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
} catch (error) {
  if (!(error instanceof ConfigError || error instanceof PasswordSettingError)) throw error
  console.error(`Cannot start: ${error.message}`)
  process.exit(1)
}
