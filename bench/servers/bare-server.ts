// The floor: a Hono server that answers every POST with a fixed JSON body.
import { serve } from '@hono/node-server'
import { bareApp } from './apps'

serve({ fetch: bareApp().fetch, port: 0, hostname: '127.0.0.1' }, (info) =>
  console.log(info.port, process.pid),
)
