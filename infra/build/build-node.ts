import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { build } from 'esbuild'
import { NODE_ESM_OPTIONS } from './node-esm-options'

/**
 * Bundles a Node server entry into one ESM file that plain `node` runs with no
 * node_modules beside it: what a Node host needs, without tsx or any build tool at run
 * time. (tsx, which `npm start` uses, compiles each file as it loads and wraps every
 * function to keep its name: work a deployed server need not do.) Returns the file's size.
 */
export async function bundleNodeServer(entry: string, outfile: string): Promise<number> {
  await build({ ...NODE_ESM_OPTIONS, entryPoints: [entry], outfile })
  return (await readFile(outfile)).length
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const outfile = resolve(process.argv[2] ?? 'dist/node/server.mjs')
  const bytes = await bundleNodeServer('functions/node/server.ts', outfile)
  console.log(`${outfile}: ${(bytes / 1024).toFixed(1)} KiB; run it with: node ${outfile}`)
}
