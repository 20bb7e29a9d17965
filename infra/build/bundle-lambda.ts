import { createWriteStream } from 'node:fs'
import { mkdir, readFile } from 'node:fs/promises'
import { basename, dirname } from 'node:path'
import { pipeline } from 'node:stream/promises'
import { gzipSync } from 'node:zlib'
import { build } from 'esbuild'
import { ZipFile } from 'yazl'

// esbuild's ESM output has no `require`; bundled CommonJS packages (the AWS SDK's
// dependencies among them) call it for Node built-ins, so the bundle defines one.
const REQUIRE_BANNER =
  "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);"

export interface BundleSize {
  bytes: number
  gzipBytes: number
}

/**
 * Bundles one Lambda entry into a single minified ESM file, the AWS SDK included (see
 * docs/aws.md for the cold start figures behind that choice). Node 20 is the target so
 * the bundle runs on both nodejs20.x and nodejs22.x.
 */
export async function bundleLambda(entry: string, outfile: string): Promise<BundleSize> {
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // Prefer packages' ESM builds: they tree-shake, CommonJS ones do not.
    mainFields: ['module', 'main'],
    banner: { js: REQUIRE_BANNER },
    legalComments: 'none',
    logLevel: 'warning',
  })

  const code = await readFile(outfile)
  return { bytes: code.length, gzipBytes: gzipSync(code).length }
}

/** Zips the bundle alone at the archive's root, as Lambda expects `handler.mjs`. */
export async function zipBundle(bundle: string, zipPath: string): Promise<number> {
  await mkdir(dirname(zipPath), { recursive: true })
  const zip = new ZipFile()
  // A fixed date keeps the archive byte-identical for an unchanged bundle.
  zip.addFile(bundle, basename(bundle), { mtime: new Date('2000-01-01T00:00:00Z'), mode: 0o644 })
  zip.end()
  await pipeline(zip.outputStream, createWriteStream(zipPath))
  return (await readFile(zipPath)).length
}
