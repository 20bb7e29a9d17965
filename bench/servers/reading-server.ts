// A Hono server that reads what any webhook must (the headers and the JSON body) and
// answers fixed JSON; see readingApp.
import { serve } from '@hono/node-server'
import { readingApp } from './apps'

serve({ fetch: readingApp().fetch, port: 0, hostname: '127.0.0.1' }, (info) =>
  console.log(info.port, process.pid),
)
