import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { rm, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { stripVTControlCharacters } from 'node:util'
import { cleanUpOnExitSignal } from './exit-signal'

const WRANGLER_BIN = createRequire(import.meta.url).resolve('wrangler/bin/wrangler.js')

/** Which wrangler state a command writes to. */
export interface WranglerPlace {
  /** Local state of `wrangler dev` (`.wrangler/state`) instead of your Cloudflare account. */
  isLocal: boolean
  /** A directory for the local state, like wrangler's `--persist-to`. */
  persistTo?: string
  /** A wrangler configuration file other than ./wrangler.toml. */
  configPath?: string
}

export function placeFlags(place: WranglerPlace): string[] {
  return [
    place.isLocal ? '--local' : '--remote',
    ...(place.persistTo ? ['--persist-to', place.persistTo] : []),
    ...(place.configPath ? ['--config', place.configPath] : []),
  ]
}

/**
 * Runs wrangler on a file of user data. The file lives in a fresh directory readable only
 * by this user (mode 0700, file 0600) with wrangler's debug log, and both are deleted
 * afterwards, even on failure, and on Ctrl-C or SIGTERM, which also stop wrangler.
 * Wrangler's output is kept from the console: on failure it becomes the error message
 * with every value in `secrets` blanked out.
 */
export async function runWranglerOnFile(
  fileName: string,
  contents: string,
  args: (path: string) => string[],
  secrets: readonly string[],
): Promise<void> {
  // The handlers come before the directory: until they are in place a signal ends Node at
  // once, and in tests about 1 signal in 15 sent just after the directory appeared landed
  // before them. The directory is made synchronously, so no handler runs before `dir` is set.
  let dir: string | undefined
  const stopWrangler = new AbortController()
  const endSignalCleanUp = cleanUpOnExitSignal(() => {
    stopWrangler.abort()
    if (dir) rmSync(dir, { recursive: true, force: true })
  })
  try {
    dir = mkdtempSync(join(tmpdir(), 'corbado-import-'))
    const path = join(dir, fileName)
    await writeFile(path, contents, { mode: 0o600, flag: 'wx' })
    const { code, output } = await runWrangler(args(path), dir, stopWrangler.signal)
    if (code !== 0) {
      throw new Error(`wrangler failed (exit ${code}): ${cleanOutput(output, secrets)}`)
    }
  } finally {
    endSignalCleanUp()
    if (dir) await rm(dir, { recursive: true, force: true })
  }
}

/**
 * Runs wrangler with its debug log in `logDir`, collecting its output instead of printing
 * it; `stop` ends it early.
 */
export function runWrangler(args: string[], logDir: string, stop?: AbortSignal) {
  return new Promise<{ code: number | null; output: string }>((resolve, reject) => {
    const child = spawn(process.execPath, [WRANGLER_BIN, ...args], {
      signal: stop,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, WRANGLER_LOG_PATH: logDir, WRANGLER_SEND_METRICS: 'false' },
    })
    let output = ''
    child.stdout.on('data', (chunk) => {
      output += chunk
    })
    child.stderr.on('data', (chunk) => {
      output += chunk
    })
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, output }))
  })
}

// Wrangler's output without colours, without the pointer to its (deleted) log file and
// with every secret blanked out, longest first so no part of a longer one survives.
function cleanOutput(output: string, secrets: readonly string[]): string {
  const plain = stripVTControlCharacters(output)
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.includes('Logs were written'))
    .join('\n')
  const longestFirst = [...secrets].filter((s) => s.length > 0).sort((a, b) => b.length - a.length)
  return longestFirst.reduce((text, secret) => text.replaceAll(secret, '[redacted]'), plain)
}
