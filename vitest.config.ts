import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-pool-workers'
import { defineConfig } from 'vitest/config'
import { CONFORMANCE_CREDENTIALS } from './test/conformance/fixtures'

export default defineConfig({
  test: {
    reporters: ['default', './test/support/plain-summary-reporter.ts'],
    projects: [
      {
        test: {
          name: 'node',
          include: ['test/**/*.test.ts'],
          exclude: ['test/workers/**'],
          // Builds the Lambda bundle that test/aws/ runs and serverless.yml deploys.
          globalSetup: ['test/aws/global-setup.ts'],
        },
      },
      {
        // The Worker of wrangler.toml inside workerd, with both stores bound (even when a
        // fork's wrangler.toml keeps only one), the D1 migrations at hand for
        // test/workers/apply-migrations.ts, and the conformance suite's credentials in place
        // of the secrets.
        plugins: [
          cloudflareTest(async () => ({
            wrangler: { configPath: './wrangler.toml' },
            miniflare: {
              kvNamespaces: ['USERS_KV'],
              d1Databases: ['USERS_DB'],
              bindings: {
                TEST_MIGRATIONS: await readD1Migrations('./infra/d1/migrations'),
                WEBHOOK_USERNAME: CONFORMANCE_CREDENTIALS.username,
                WEBHOOK_PASSWORD: CONFORMANCE_CREDENTIALS.password,
                LOG_LEVEL: 'silent',
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
