import type { Plugin } from 'esbuild'

const DEFERRED_NAMESPACE = 'loaded-on-use'

/**
 * Hands @middy/core a `node:stream/web` that Node loads on first use. Middy imports it at
 * load for one `instanceof ReadableStream` check in its response-streaming mode, which
 * this function does not use. Loading web streams adds about 1 ms to a cold start here, 2 %
 * of what the AWS SDK clients cost (`npm run bench:cold-start` loads them after the first
 * request to show it).
 */
export const deferMiddyStreams: Plugin = {
  name: 'defer-middy-streams',
  setup(build) {
    build.onResolve({ filter: /^node:stream\/web$/ }, (args) => {
      if (!/[/\\]@middy[/\\]core[/\\]/.test(args.importer)) return undefined
      return { path: 'node:stream/web', namespace: DEFERRED_NAMESPACE }
    })
    // CommonJS, so that esbuild reads the export where it is used rather than at load.
    build.onLoad({ filter: /.*/, namespace: DEFERRED_NAMESPACE }, (args) => ({
      contents: `module.exports = { get ReadableStream() { return require(${JSON.stringify(args.path)}).ReadableStream } }`,
      loader: 'js',
    }))
  },
}
