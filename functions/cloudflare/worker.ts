import type { Hono } from 'hono'
import type { AppEnv } from '../../shared/app/app-env'
import { createWorkerApp } from './create-worker-app'

// Built at the first request and kept for the isolate's life; rebuilt only if workerd
// hands over a different env object.
let cached: { env: Env; app: Hono<AppEnv> } | undefined

export default {
  fetch(request, env, ctx) {
    if (cached?.env !== env) cached = { env, app: createWorkerApp(env) }
    return cached.app.fetch(request, env, ctx)
  },
} satisfies ExportedHandler<Env>
