import { execFile } from 'node:child_process'
import { rm } from 'node:fs/promises'
import { promisify } from 'node:util'
import { bundleLambda } from '../infra/build/bundle-lambda'
import { startFakeParameterStore } from '../test/aws/fake-endpoints'
import { median, report } from './support'

// Cold start of the Lambda bundle against a bundle of nothing but the AWS SDK work it
// does at cold start, both built by infra/build/bundle-lambda.ts. Each run is a fresh
// Node process that imports the bundle, then answers one GET /health event as Lambda's
// first request. Both are configured as deployed: they fetch the two credential
// parameters at import, here from a stub Parameter Store on loopback, and the first
// request waits for them. Then each process loads web streams and Node's Fetch and times
// both: what a bundle pays whose first request needs them.
const RUNS = Number(process.env.RUNS ?? 21)
const TARGET_RATIO = 1.15
// Inside the repo, so the variant without the SDK finds it in node_modules, as a
// function relying on the SDK of Lambda's runtime finds it there.
const OUT_DIR = 'dist/bench'

const VARIANTS = [
  { name: 'webhook, SDK bundled (deployed)', entry: 'functions/aws/handler.ts' },
  {
    name: 'webhook, SDK from node_modules',
    entry: 'functions/aws/handler.ts',
    external: ['@aws-sdk/*', '@smithy/*'],
  },
  { name: 'AWS SDK clients only, same calls', entry: 'bench/sdk-baseline-entry.ts' },
]

const HEALTH_EVENT = {
  version: '2.0',
  routeKey: 'GET /health',
  rawPath: '/health',
  rawQueryString: '',
  headers: { host: 'bench.local' },
  requestContext: { domainName: 'bench.local', http: { method: 'GET', path: '/health' } },
  isBase64Encoded: false,
}

const CHILD = `
const startedAt = performance.now()
const { handler } = await import(process.argv[1])
const importedAt = performance.now()
const result = await handler(${JSON.stringify(HEALTH_EVENT)}, {
  awsRequestId: 'bench', getRemainingTimeInMillis: () => 6000,
})
if (result.statusCode !== 200) throw new Error('status ' + result.statusCode)
const answeredAt = performance.now()
// What the request path leaves out: web streams, then Node's Fetch (which needs them),
// loaded on first use.
await import('node:stream/web')
const streamsAt = performance.now()
globalThis.Headers
console.log(importedAt - startedAt, answeredAt - startedAt, streamsAt - answeredAt, performance.now() - streamsAt)
// The SDK keeps its connection to the stub open; Lambda would freeze the process here.
process.exit(0)
`

const USERNAME_PARAMETER = '/corbado-webhook/bench/webhook-username'
const PASSWORD_PARAMETER = '/corbado-webhook/bench/webhook-password'
const parameterStore = await startFakeParameterStore({
  [USERNAME_PARAMETER]: 'bench',
  [PASSWORD_PARAMETER]: 'bench-password',
})

const ENV = {
  PATH: process.env.PATH,
  NODE_NO_WARNINGS: '1',
  AWS_REGION: 'eu-central-1',
  AWS_ACCESS_KEY_ID: 'bench',
  AWS_SECRET_ACCESS_KEY: 'bench',
  AWS_ENDPOINT_URL_SSM: parameterStore.url,
  USERS_TABLE: 'bench',
  WEBHOOK_USERNAME_PARAMETER: USERNAME_PARAMETER,
  WEBHOOK_PASSWORD_PARAMETER: PASSWORD_PARAMETER,
  LOG_LEVEL: 'silent',
}

const run = promisify(execFile)

type Sample = [importMs: number, firstMs: number, streamsMs: number, fetchMs: number]

/**
 * Milliseconds to import the bundle, to import it and answer the first request, and then
 * to load web streams and Node's Fetch (about nothing, where the bundle has loaded them).
 */
async function coldStart(bundle: string): Promise<Sample> {
  const args = ['--input-type=module', '-e', CHILD, `${process.cwd()}/${bundle}`]
  const { stdout } = await run(process.execPath, args, { env: ENV })
  const [importMs, firstMs, streamsMs, fetchMs] = stdout.trim().split(' ').map(Number)
  return [importMs, firstMs, streamsMs, fetchMs].map((ms) => ms ?? Number.NaN) as Sample
}

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`

const bundles = await Promise.all(
  VARIANTS.map(async (variant, index) => {
    const size = await bundleLambda(variant.entry, `${OUT_DIR}/variant-${index}`, {
      external: variant.external,
    })
    await coldStart(size.entryFile) // warm-up: fills the OS file cache
    return { ...variant, outfile: size.entryFile, size, samples: [] as Sample[] }
  }),
)
// Variants take turns, so a slow spell of the machine hits them all alike.
for (let i = 0; i < RUNS; i++) {
  for (const bundle of bundles) {
    bundle.samples.push(await coldStart(bundle.outfile))
  }
}
await rm(OUT_DIR, { recursive: true, force: true })
await parameterStore.close()
// Every process, warm-ups included, must have made exactly one GetParameters call, or
// the bundles did not do the same work.
const processes = bundles.length * (RUNS + 1)
if (parameterStore.requests() !== processes) {
  throw new Error(`${parameterStore.requests()} GetParameters calls for ${processes} processes`)
}

const rows = bundles.map(({ name, size, samples }) => ({
  bundle: name,
  raw: kib(size.bytes),
  gzip: kib(size.gzipBytes),
  atImport: kib(size.importBytes),
  total: kib(size.totalBytes),
  importMs: median(samples.map(([importMs]) => importMs)),
  firstRequestMs: median(samples.map(([, firstMs]) => firstMs)),
  streamsLoadMs: median(samples.map(([, , streamsMs]) => streamsMs)),
  fetchLoadMs: median(samples.map(([, , , fetchMs]) => fetchMs)),
}))
const [deployed, , baseline] = rows
const ratio = (key: 'importMs' | 'firstRequestMs') =>
  (deployed?.[key] ?? Number.NaN) / (baseline?.[key] ?? Number.NaN)

console.log(`Cold start, median of ${RUNS} fresh Node ${process.version} processes per bundle`)
console.table(
  rows.map((row) => ({
    bundle: row.bundle,
    'entry raw': row.raw,
    'entry gzip': row.gzip,
    'loaded at import': row.atImport,
    'with all chunks': row.total,
    'import (ms)': row.importMs.toFixed(1),
    'import + 1st request (ms)': row.firstRequestMs.toFixed(1),
    'then web streams (ms)': row.streamsLoadMs.toFixed(1),
    'then Fetch (ms)': row.fetchLoadMs.toFixed(1),
  })),
)
const importRatio = ratio('importMs')
const ms = (value: number | undefined) => `${value?.toFixed(0)} ms`
report('cold-start-aws', [
  {
    what: 'Lambda cold start: import',
    value: `${importRatio.toFixed(2)}x (${ms(deployed?.importMs)})`,
    against: `SDK clients only, same calls (${ms(baseline?.importMs)})`,
    target: `<= ${TARGET_RATIO}x`,
    isMet: importRatio <= TARGET_RATIO,
  },
  {
    what: 'Lambda cold start: import + 1st request',
    value: `${ratio('firstRequestMs').toFixed(2)}x (${ms(deployed?.firstRequestMs)})`,
    against: `SDK clients only, same calls (${ms(baseline?.firstRequestMs)})`,
  },
  {
    what: 'Web streams and Fetch, loaded after the first request: what it leaves out',
    value: `${ms(deployed?.streamsLoadMs)} and ${ms(deployed?.fetchLoadMs)}`,
    against: `SDK clients only: ${ms(baseline?.streamsLoadMs)} and ${ms(baseline?.fetchLoadMs)}`,
  },
  {
    what: 'Lambda bundle loaded at cold start (entry and the chunks it imports)',
    value: `${deployed?.atImport} (entry ${deployed?.raw}, ${deployed?.gzip} gzip; ${deployed?.total} with the chunks loaded on use)`,
    against: `SDK clients only: ${baseline?.atImport} (entry ${baseline?.raw}; ${baseline?.total} with all chunks)`,
  },
])
