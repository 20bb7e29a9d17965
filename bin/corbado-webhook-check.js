#!/usr/bin/env node
// Runs the TypeScript checker through tsx's loader API, resolved from this package's own
// node_modules: it needs neither npx on PATH nor a build step, and works from any directory
// once `npm ci` has run (tsx is a devDependency).
import { tsImport } from 'tsx/esm/api'

await tsImport('../infra/check-webhook/cli.ts', import.meta.url)
