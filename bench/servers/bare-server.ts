// The floor: a Hono server that answers every POST with a fixed JSON body.
import { serve } from '@hono/node-server'
import { Hono } from 'hono'

const app = new Hono()
app.post('/webhook', (c) => c.json({ responseID: 'fixed', data: { status: 'exists' } }))
serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) =>
  console.log(info.port, process.pid),
)
