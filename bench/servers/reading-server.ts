// A Hono server that reads what any webhook must (the three headers and the JSON body)
// and answers fixed JSON: between the bare server and the webhook, it shows how much of
// the gap is reading the request.
import { serve } from '@hono/node-server'
import { Hono } from 'hono'

const app = new Hono()
app.post('/webhook', async (c) => {
  const isComplete = [c.req.header('Authorization'), c.req.header('X-Corbado-Action')].every(
    Boolean,
  )
  const body = JSON.parse(await c.req.text())
  return c.json({
    responseID: 'fixed',
    data: { status: isComplete && body ? 'exists' : 'not_exists' },
  })
})
serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) =>
  console.log(info.port, process.pid),
)
