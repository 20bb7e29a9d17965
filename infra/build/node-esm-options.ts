import type { BuildOptions } from 'esbuild'

/**
 * What every Node bundle here shares: one ESM build of the code and its packages for
 * Node 20 and later, so it runs on Lambda's nodejs20.x and nodejs22.x and on any Node host.
 */
export const NODE_ESM_OPTIONS = {
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Prefer packages' ESM builds: they tree-shake, CommonJS ones do not.
  mainFields: ['module', 'main'],
  // esbuild's ESM output has no `require`; bundled CommonJS packages (the AWS SDK's
  // dependencies among them) call it for Node built-ins, so every output file defines one.
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
  legalComments: 'none',
  logLevel: 'warning',
} satisfies BuildOptions
