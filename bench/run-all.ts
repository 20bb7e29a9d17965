// `npm run bench`: runs every benchmark in its own process, one after another so that
// they do not compete for the machine's cores, and prints one summary table of the
// figures each reports through `report()`.
import { spawn } from 'node:child_process'
import type { Figure } from './support'
import { ROOT } from './support'

/** Each benchmark: its npm script. Add a benchmark by adding its script here. */
const BENCHMARKS = [
  'bench:throughput',
  'bench:app',
  'bench:timing',
  'bench:soak',
  'bench:cold-start',
  'bench:worker',
  'bench:hashes',
  'bench:pbkdf2-cap',
]

function run(script: string): Promise<{ figures: Figure[]; code: number | null }> {
  const child = spawn('npm', ['run', '--silent', script], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  let output = ''
  child.stdout.on('data', (chunk) => {
    output += chunk
    process.stdout.write(chunk)
  })
  return new Promise((resolve) => {
    child.on('exit', (code) => {
      const figures = output
        .split('\n')
        .filter((line) => line.startsWith('BENCH_RESULT '))
        .flatMap(
          (line) =>
            (JSON.parse(line.slice('BENCH_RESULT '.length)) as { figures: Figure[] }).figures,
        )
      resolve({ figures, code })
    })
  })
}

const summary: (Figure & { bench: string })[] = []
let failed = 0
for (const script of BENCHMARKS) {
  console.log(`\n> ${script}`)
  const { figures, code } = await run(script)
  if (code !== 0) failed += 1
  summary.push(...figures.map((figure) => ({ bench: script, ...figure })))
}

console.log('\nSummary (each figure with what it was measured against):')
console.table(
  summary.map(({ bench, what, value, against, target, isMet }) => ({
    bench,
    what,
    value,
    against,
    target: target ?? '',
    met: isMet === undefined ? '' : isMet ? 'yes' : 'NO',
  })),
)
if (failed > 0) {
  console.error(`${failed} benchmark(s) failed to run`)
  process.exitCode = 1
}
