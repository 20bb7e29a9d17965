import { createWriteStream } from 'node:fs'
import { mkdir, readdir, readFile, rm } from 'node:fs/promises'
import { basename, dirname, extname, join } from 'node:path'
import { pipeline } from 'node:stream/promises'
import { gzipSync } from 'node:zlib'
import { build, type Metafile } from 'esbuild'
import { ZipFile } from 'yazl'
import { deferMiddyStreams } from './defer-middy-streams'
import { NODE_ESM_OPTIONS } from './node-esm-options'

export interface BundleSize {
  /** The entry file alone. */
  bytes: number
  gzipBytes: number
  /** The entry and the chunks it imports statically: what every cold start loads. */
  importBytes: number
  /** The entry and every chunk it may load later. */
  totalBytes: number
}

/**
 * Bundles one Lambda entry into `outdir` as minified ESM, the AWS SDK included (see
 * docs/aws.md for the cold start figures behind that choice), and returns the entry
 * file's path and sizes. Code reached only through `import()` (the pure-JS hash
 * libraries, the SDK's rarely used credential providers) goes into chunks that Node
 * reads on first use, so a cold start loads only the entry and the chunks it imports:
 * 351 of 548 KiB, as `npm run build:aws` prints.
 */
export async function bundleLambda(
  entry: string,
  outdir: string,
  options: { external?: string[] } = {},
): Promise<BundleSize & { entryFile: string }> {
  // Stale chunks of an earlier build would otherwise be zipped too.
  await rm(outdir, { recursive: true, force: true })
  const { metafile } = await build({
    ...NODE_ESM_OPTIONS,
    entryPoints: [entry],
    outdir,
    splitting: true,
    entryNames: '[name]',
    chunkNames: 'chunks/[name]-[hash]',
    outExtension: { '.js': '.mjs' },
    minify: true,
    external: options.external ?? [],
    plugins: [deferMiddyStreams],
    metafile: true,
  })

  const entryFile = join(outdir, `${basename(entry, extname(entry))}.mjs`)
  const code = await readFile(entryFile)
  const outputBytes = Object.values(metafile.outputs).map((output) => output.bytes)
  return {
    entryFile,
    bytes: code.length,
    gzipBytes: gzipSync(code).length,
    importBytes: staticImportBytes(metafile, entryFile),
    totalBytes: outputBytes.reduce((sum, bytes) => sum + bytes, 0),
  }
}

/** The bytes of `file` and of every output it reaches through static imports. */
function staticImportBytes(metafile: Metafile, file: string): number {
  const seen = new Set<string>()
  const visit = (path: string) => {
    if (seen.has(path)) return
    seen.add(path)
    for (const imported of metafile.outputs[path]?.imports ?? []) {
      if (imported.kind === 'import-statement' && !imported.external) visit(imported.path)
    }
  }
  visit(file)
  let bytes = 0
  for (const path of seen) bytes += metafile.outputs[path]?.bytes ?? 0
  return bytes
}

/** Zips every file of the bundle directory, keeping its layout, with the entry at the root. */
export async function zipBundle(outdir: string, zipPath: string): Promise<number> {
  await mkdir(dirname(zipPath), { recursive: true })
  const zip = new ZipFile()
  for (const file of await bundleFiles(outdir)) {
    // A fixed date keeps the archive byte-identical for an unchanged bundle.
    zip.addFile(file, file.slice(outdir.length + 1), {
      mtime: new Date('2000-01-01T00:00:00Z'),
      mode: 0o644,
    })
  }
  zip.end()
  await pipeline(zip.outputStream, createWriteStream(zipPath))
  return (await readFile(zipPath)).length
}

async function bundleFiles(outdir: string): Promise<string[]> {
  const entries = await readdir(outdir, { recursive: true, withFileTypes: true })
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.mjs'))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort()
}
