import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, expect, it } from 'vitest'
import { buildWorker } from '../../infra/cloudflare/build-worker'

// The Workers Free plan refuses a Worker above 3 MiB after compression.
const FREE_PLAN_GZIP_BYTES = 3 * 1024 * 1024

const outdir = await mkdtemp(join(tmpdir(), 'worker-bundle-test-'))

afterAll(async () => {
  await rm(outdir, { recursive: true, force: true })
})

it('bundles offline with wrangler deploy --dry-run within the Free plan size', async () => {
  const bundle = await buildWorker(outdir)

  expect(bundle.rawBytes).toBeGreaterThan(0)
  expect(bundle.gzipBytes).toBeLessThan(FREE_PLAN_GZIP_BYTES)
}, 60_000)
