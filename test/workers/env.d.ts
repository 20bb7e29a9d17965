/// <reference types="@cloudflare/vitest-pool-workers/types" />

// Bindings only the workers test project adds (vitest.config.ts), beside wrangler.toml's.
declare namespace Cloudflare {
  interface Env {
    TEST_MIGRATIONS: import('cloudflare:test').D1Migration[]
  }
}
