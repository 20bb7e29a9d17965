/// <reference types="@cloudflare/vitest-pool-workers/types" />

// Bindings the workers test project adds itself (vitest.config.ts): both stores, whichever
// of them a fork's wrangler.toml still declares, and the D1 migrations.
declare namespace Cloudflare {
  interface Env {
    USERS_KV: KVNamespace
    USERS_DB: D1Database
    TEST_MIGRATIONS: import('cloudflare:test').D1Migration[]
  }
}
