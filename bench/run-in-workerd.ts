import { build } from 'esbuild'
import { Miniflare } from 'miniflare'

/** The compatibility date of wrangler.toml, so that the benches run what a deploy runs. */
export const COMPATIBILITY_DATE = '2026-04-26'

/**
 * Bundles a bench Worker as wrangler would, starts it in workerd through Miniflare, and
 * returns its JSON answer to one request with `query`.
 */
export async function runInWorkerd(entry: URL, query: URLSearchParams): Promise<unknown> {
  const bundle = await build({
    entryPoints: [entry.pathname],
    bundle: true,
    format: 'esm',
    // As wrangler bundles: bcryptjs maps its optional `crypto` import away for browsers.
    platform: 'browser',
    conditions: ['workerd', 'worker', 'browser'],
    write: false,
    logLevel: 'warning',
  })
  const miniflare = new Miniflare({
    modules: true,
    script: bundle.outputFiles[0]?.text ?? '',
    compatibilityDate: COMPATIBILITY_DATE,
  })
  try {
    const response = await miniflare.dispatchFetch(`http://bench.local/?${query}`)
    if (!response.ok) {
      throw new Error(`workerd bench failed: ${await response.text()}`)
    }
    return await response.json()
  } finally {
    await miniflare.dispose()
  }
}
