import { serve } from '@hono/node-server'
import { createApp } from '../../shared/app/create-app'
import { createJsonLogger } from '../../shared/app/logger'
import { PasswordSettingError } from '../../shared/passwords/verifiers-from-env'
import { MemoryStore } from '../../shared/store/memory-store'
import { ConfigError, loadNodeConfig } from './config'
import { startBanner } from './start-banner'

try {
  const config = await loadNodeConfig(process.env)
  const app = createApp({
    credentials: config.credentials,
    store: new MemoryStore(config.users),
    verifiers: config.verifiers,
    logger: createJsonLogger({ level: config.logLevel }),
  })

  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
    console.error(startBanner(config, info.port))
  })
  const stop = () => server.close(() => process.exit(0))
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
} catch (error) {
  if (!(error instanceof ConfigError || error instanceof PasswordSettingError)) throw error
  console.error(`Cannot start: ${error.message}`)
  process.exit(1)
}
