import { execFile } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { gzipSync } from 'node:zlib'

const WRANGLER_BIN = createRequire(import.meta.url).resolve('wrangler/bin/wrangler.js')

/** The Worker bundle as `wrangler deploy` would upload it. */
export interface WorkerBundle {
  path: string
  rawBytes: number
  gzipBytes: number
}

/**
 * Bundles the Worker of wrangler.toml with `wrangler deploy --dry-run`, which needs no
 * account or network, into `outdir`. Sizes are of the bundle file; wrangler's own
 * "Total Upload" line counts the same bytes.
 */
export async function buildWorker(
  outdir: string,
  configPath = 'wrangler.toml',
): Promise<WorkerBundle> {
  await promisify(execFile)(
    process.execPath,
    [WRANGLER_BIN, 'deploy', '--dry-run', '--outdir', outdir, '--config', configPath],
    { env: { ...process.env, WRANGLER_SEND_METRICS: 'false' } },
  )

  const path = join(outdir, 'worker.js')
  const code = await readFile(path)
  return { path, rawBytes: code.length, gzipBytes: gzipSync(code, { level: 9 }).length }
}

export function kib(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KiB`
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const bundle = await buildWorker(resolve(process.argv[2] ?? 'dist/worker'))
  console.log(`${bundle.path}: ${kib(bundle.rawBytes)} raw, ${kib(bundle.gzipBytes)} gzip`)
}
