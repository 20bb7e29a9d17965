import { type ChildProcess, spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'

export const ROOT = fileURLToPath(new URL('..', import.meta.url))

/**
 * Starts a built server file with plain node and resolves with its URL once it prints its
 * port and process id.
 */
export function startServer(
  file: string,
): Promise<{ url: string; pid: number; child: ChildProcess }> {
  const child = spawn(process.execPath, [file], { cwd: ROOT })
  return new Promise((resolve, reject) => {
    child.stdout?.once('data', (chunk) => {
      const [port, pid] = String(chunk).trim().split(' ')
      resolve({ url: `http://127.0.0.1:${port}`, pid: Number(pid), child })
    })
    child.once('exit', (code) => reject(new Error(`${file} exited with ${code}`)))
  })
}

// Kept in its own file so that the workerd bench bundle can import it without node:*.
export { median } from './median'

/** One figure for the summary table that `npm run bench` prints. */
export interface Figure {
  what: string
  value: string
  against: string
  target?: string
  isMet?: boolean
}

/** Prints a benchmark's figures as a table and as the line `npm run bench` collects. */
export function report(bench: string, figures: Figure[]): void {
  console.table(
    figures.map(({ what, value, against, target, isMet }) => ({
      what,
      value,
      against,
      target: target ?? '',
      met: isMet === undefined ? '' : isMet ? 'yes' : 'NO',
    })),
  )
  console.log(`BENCH_RESULT ${JSON.stringify({ bench, figures })}`)
}
