// The webhook as the Node server runs it, logging to nowhere; see webhookApp. Prints its port
// for the benchmark to read.
import { serve } from '@hono/node-server'
import { webhookApp } from './apps'

serve({ fetch: webhookApp().fetch, port: 0, hostname: '127.0.0.1' }, (info) =>
  console.log(info.port, process.pid),
)
