// The webhook as `npm start` runs it, on demo users, logging to nowhere so that the
// benchmark measures the request path and JSON serialization of the log line, not a
// terminal. Prints its port for the benchmark to read.
import { serve } from '@hono/node-server'
import { createApp } from '../../shared/app/create-app'
import { createJsonLogger } from '../../shared/app/logger'
import { DEMO_CREDENTIALS, DEMO_USERS } from '../../shared/demo/demo-users'
import { MemoryStore } from '../../shared/store/memory-store'

const app = createApp({
  credentials: DEMO_CREDENTIALS,
  store: new MemoryStore(DEMO_USERS),
  logger: createJsonLogger({ write: () => {} }),
})
serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) =>
  console.log(info.port, process.pid),
)
