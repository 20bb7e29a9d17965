import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-pool-workers'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          include: ['test/**/*.test.ts'],
          exclude: ['test/workers/**'],
        },
      },
      {
        // The Worker of wrangler.toml inside workerd, with both stores bound, the D1
        // migrations at hand for test/workers/apply-migrations.ts, and test credentials in
        // place of the secrets.
        plugins: [
          cloudflareTest(async () => ({
            wrangler: { configPath: './wrangler.toml' },
            miniflare: {
              bindings: {
                TEST_MIGRATIONS: await readD1Migrations('./infra/d1/migrations'),
                WEBHOOK_USERNAME: 'corbado-test',
                WEBHOOK_PASSWORD: 'test-password: with a colon',
              },
            },
          })),
        ],
        test: {
          name: 'workers',
          include: ['test/workers/**/*.test.ts'],
          setupFiles: ['./test/workers/apply-migrations.ts'],
        },
      },
    ],
  },
})
