// The apps the throughput and app-cost benchmarks compare, and the call they all answer.
import { Hono } from 'hono'
import type { AppEnv } from '../../shared/app/app-env'
import { createApp } from '../../shared/app/create-app'
import { createJsonLogger } from '../../shared/app/logger'
import { DEMO_CREDENTIALS, DEMO_USERS } from '../../shared/demo/demo-users'
import { MemoryStore } from '../../shared/store/memory-store'

/** The `authMethods` call every benchmark sends, for a user the demo store holds. */
export const AUTH_METHODS_CALL = {
  body: JSON.stringify({
    id: 'who-1234567890',
    projectID: 'pro-1234567890',
    action: 'authMethods',
    data: { username: 'existing@existing.com' },
  }),
  headers: {
    authorization: `Basic ${btoa(`${DEMO_CREDENTIALS.username}:${DEMO_CREDENTIALS.password}`)}`,
    'x-corbado-action': 'authMethods',
    'content-type': 'application/json',
  },
}

/**
 * The webhook as `npm start` runs it, on demo users. Its log lines go nowhere unless
 * `isLogged` is false, so that the benchmark measures the request path and the JSON
 * serialization of the log line, not a terminal.
 */
export function webhookApp({ isLogged = true } = {}): Hono<AppEnv> {
  return createApp({
    credentials: DEMO_CREDENTIALS,
    store: new MemoryStore(DEMO_USERS),
    logger: isLogged && createJsonLogger({ write: () => {} }),
  })
}

/** The floor: answers every POST /webhook with a fixed JSON body. */
export function bareApp(): Hono {
  const app = new Hono()
  app.post('/webhook', (c) => c.json({ responseID: 'fixed', data: { status: 'exists' } }))
  return app
}

/**
 * Reads what any webhook must (the two headers and the JSON body) and answers fixed JSON:
 * between the bare app and the webhook, it shows how much of the gap is reading the
 * request.
 */
export function readingApp(): Hono {
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
  return app
}
