// Throughput and latency of authMethods on the Node server with the in-memory store,
// against a bare Hono server that returns a fixed JSON answer, and a Hono server that
// also reads the request's headers and body, all driven over loopback by autocannon from
// this process while each server runs in its own. Each server is built as
// `npm run build:node` builds the webhook's, so all three run the same way. Then, at a
// fixed rate all three keep up with, each server's CPU time per request, read from /proc
// on Linux.
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import autocannon from 'autocannon'
import { bundleNodeServer } from '../infra/build/build-node'
import { AUTH_METHODS_CALL } from './servers/apps'
import { report, startServer } from './support'

const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 9)
const CONNECTIONS = 16
const TARGET_RATIO = 0.8

const { body, headers } = AUTH_METHODS_CALL

const ROUNDS = 3
// Below every server's capacity, so each answers every request and the load generator
// idles as much for one as for another.
const FIXED_RATE_PER_S = 4000
const FIXED_RATE_DURATION_S = 3
// Linux counts a process's CPU time in clock ticks of 10 ms (USER_HZ 100).
const MS_PER_TICK = 10

async function measure(url: string, duration: number) {
  const result = await autocannon({
    url: `${url}/webhook`,
    method: 'POST',
    headers,
    body,
    duration,
    connections: CONNECTIONS,
  })
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(`${url}: ${result.non2xx} non-2xx answers, ${result.errors} errors`)
  }
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 }
}

/** User plus system CPU milliseconds a process has used so far, from /proc (Linux only). */
async function cpuMs(pid: number): Promise<number | undefined> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8')
    // Fields after the command name, which ends with ") "; utime and stime are 14 and 15.
    const fields = stat.slice(stat.lastIndexOf(') ') + 2).split(' ')
    return (Number(fields[11]) + Number(fields[12])) * MS_PER_TICK
  } catch {
    return undefined
  }
}

/** The server's CPU time per answered request at a fixed rate, in microseconds. */
async function cpuPerRequest(url: string, pid: number) {
  const before = await cpuMs(pid)
  const result = await autocannon({
    url: `${url}/webhook`,
    method: 'POST',
    headers,
    body,
    duration: FIXED_RATE_DURATION_S,
    connections: CONNECTIONS,
    overallRate: FIXED_RATE_PER_S,
  })
  const after = await cpuMs(pid)
  if (before === undefined || after === undefined || result.non2xx > 0) return undefined
  return ((after - before) * 1000) / result.requests.total
}

// Rounds alternate between the servers so that a change in the machine's load hits
// them all alike; each figure is the median round.
const builds = await mkdtemp(join(tmpdir(), 'bench-servers-'))
async function startBuilt(name: string) {
  const file = join(builds, `${name}.mjs`)
  await bundleNodeServer(`bench/servers/${name}.ts`, file)
  return startServer(file)
}
const servers = [
  await startBuilt('bare-server'),
  await startBuilt('webhook-server'),
  await startBuilt('reading-server'),
]
const rounds: { rps: number; p50: number; p99: number }[][] = [[], [], []]
const cpuUs: (number | undefined)[] = []
try {
  for (const { url } of servers) await measure(url, 2) // warm-up: let V8 optimize
  for (let round = 0; round < ROUNDS; round++) {
    for (const [i, { url }] of servers.entries()) {
      rounds[i]?.push(await measure(url, DURATION_S / ROUNDS))
    }
  }
  for (const { url, pid } of servers) cpuUs.push(await cpuPerRequest(url, pid))
} finally {
  for (const { child } of servers) child.kill()
  await rm(builds, { recursive: true, force: true })
}

const middle = (runs: { rps: number; p50: number; p99: number }[]) =>
  [...runs].sort((a, b) => a.rps - b.rps)[Math.floor(runs.length / 2)] as (typeof runs)[number]
const bare = middle(rounds[0] ?? [])
const webhook = middle(rounds[1] ?? [])
const reading = middle(rounds[2] ?? [])
const ratio = webhook.rps / bare.rps

report('throughput', [
  {
    what: 'authMethods throughput, Node server + memory store',
    value: `${Math.round(webhook.rps)} req/s (p50 ${webhook.p50} ms, p99 ${webhook.p99} ms)`,
    against: `bare Hono fixed JSON: ${Math.round(bare.rps)} req/s (p50 ${bare.p50} ms, p99 ${bare.p99} ms); ratio ${ratio.toFixed(2)}`,
    target: `ratio >= ${TARGET_RATIO}`,
    isMet: ratio >= TARGET_RATIO,
  },
  {
    what: 'throughput of a Hono server reading headers and body, fixed answer',
    value: `${Math.round(reading.rps)} req/s (ratio ${(reading.rps / bare.rps).toFixed(2)})`,
    against: `bare Hono fixed JSON: ${Math.round(bare.rps)} req/s`,
  },
  {
    what: 'authMethods throughput against the server that only reads the request',
    value: `ratio ${(webhook.rps / reading.rps).toFixed(2)}`,
    against: `Hono reading headers and body: ${Math.round(reading.rps)} req/s`,
  },
  ...cpuFigure(),
])

// Throughput saturates whichever side is slower, the server or the load generator on the
// other core; CPU time per request at a rate all servers keep up with measures the
// servers alone.
function cpuFigure() {
  const [bareUs, webhookUs, readingUs] = cpuUs
  if (bareUs === undefined || webhookUs === undefined || readingUs === undefined) return []
  const us = (value: number) => `${value.toFixed(0)} µs`
  return [
    {
      what: `server CPU per authMethods request at ${FIXED_RATE_PER_S} req/s`,
      value: `${us(webhookUs)} (${(webhookUs / bareUs).toFixed(2)}x bare)`,
      against: `bare Hono fixed JSON: ${us(bareUs)}; Hono reading headers and body: ${us(readingUs)}`,
    },
  ]
}
