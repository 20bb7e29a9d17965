import { spawn } from 'node:child_process'
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { D1Database, KVNamespace } from '@cloudflare/workers-types'
import { Miniflare } from 'miniflare'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { EXIT_FAILED, EXIT_ROWS_REFUSED, runImportCli } from '../../infra/import/cli'
import { runWrangler } from '../../infra/import/wrangler'
import { D1Store } from '../../shared/store/d1-store'
import { KvStore } from '../../shared/store/kv-store'

const HASH = '$2b$04$b5/CwNDuHMWtLRhRscesW.vTvtd6ce5pqA92jrybyLW8GwxWter1W'

// The ids in wrangler.toml, under which wrangler keeps local state.
const KV_ID = '00000000000000000000000000000000'
const D1_ID = '00000000-0000-0000-0000-000000000000'

const MIGRATIONS = fileURLToPath(new URL('../../infra/d1/migrations', import.meta.url))

let dir: string
// A configuration of the tests' own, with both stores bound, whatever wrangler.toml holds.
let config: string
const opened: Miniflare[] = []

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'wrangler-targets-test-'))
  config = join(dir, 'wrangler.toml')
  await writeFile(
    config,
    [
      'name = "import-test"',
      '[[kv_namespaces]]',
      'binding = "USERS_KV"',
      `id = "${KV_ID}"`,
      '[[d1_databases]]',
      'binding = "USERS_DB"',
      'database_name = "import-test-users"',
      `database_id = "${D1_ID}"`,
      `migrations_dir = ${JSON.stringify(MIGRATIONS)}`,
    ].join('\n'),
  )
})

afterAll(async () => {
  await Promise.all(opened.map((mf) => mf.dispose()))
  await rm(dir, { recursive: true, force: true })
})

/** Runs `users:import --to TARGET --local` on `rows`, into fresh local state. */
async function importLocally(target: 'kv' | 'd1', rows: unknown[], options = { migrate: true }) {
  const persistTo = await mkdtemp(join(dir, `${target}-`))
  if (target === 'd1' && options.migrate) {
    const place = ['--local', '--persist-to', persistTo, '--config', config]
    await runWrangler(['d1', 'migrations', 'apply', 'USERS_DB', ...place], persistTo)
  }
  const file = join(persistTo, 'users.json')
  await writeFile(file, JSON.stringify(rows))
  const lines: string[] = []
  const out = { log: (line: string) => lines.push(line), error: (line: string) => lines.push(line) }

  const place = ['--local', '--persist-to', persistTo, '--config', config]
  const code = await runImportCli(['--to', target, ...place, file], out)

  return { code, output: lines.join('\n'), state: openLocalState(persistTo) }
}

// The state wrangler wrote, opened the way `wrangler dev --local --persist-to` opens it.
function openLocalState(persistTo: string): Miniflare {
  const mf = new Miniflare({
    script: 'export default {}',
    modules: true,
    kvNamespaces: { USERS_KV: KV_ID },
    d1Databases: { USERS_DB: D1_ID },
    kvPersist: join(persistTo, 'v3', 'kv'),
    d1Persist: join(persistTo, 'v3', 'd1'),
  })
  opened.push(mf)
  return mf
}

// Each wrangler run takes 1 to 5 s on a shared machine.
describe('users:import into local wrangler state', { timeout: 60_000 }, () => {
  it('refuses a row whose KV key would pass 512 bytes, naming the field, and writes the rest', async () => {
    const cyrillic = 'ж'.repeat(300)
    const rows = [
      { username: 'jane@example.com', passwordHash: HASH },
      { username: cyrillic },
      { username: 'bob@example.com', aliases: [cyrillic] },
    ]

    const { code, output, state } = await importLocally('kv', rows)

    expect(code).toBe(EXIT_ROWS_REFUSED)
    expect(output).toContain('wrote 1 user to kv, refused 2')
    expect(output).toContain(
      'refused index 1: username makes a KV key of 605 bytes (UTF-8, with its "user:" prefix); Workers KV takes at most 512',
    )
    expect(output).toContain('refused index 2: aliases makes a KV key of 605 bytes')
    const kv = (await state.getKVNamespace('USERS_KV')) as unknown as KVNamespace
    expect((await new KvStore(kv).findUser('jane@example.com'))?.passwordHash).toBe(HASH)
  })

  it('refuses a row with a NUL character for D1, naming the field, and writes the rest', async () => {
    const rows = [
      { username: 'jane@example.com', passwordHash: HASH },
      { username: 'nul@example.com', aliases: ['nul\u0000alias'], passwordHash: HASH },
    ]

    const { code, output, state } = await importLocally('d1', rows)

    expect(code).toBe(EXIT_ROWS_REFUSED)
    expect(output).toContain('wrote 1 user to d1, refused 1')
    expect(output).toContain(
      'refused index 1: aliases holds a NUL character, which the import cannot write to D1',
    )
    const db = (await state.getD1Database('USERS_DB')) as unknown as D1Database
    expect((await new D1Store(db).findUser('jane@example.com'))?.passwordHash).toBe(HASH)
  })

  it('says to apply the migrations when D1 has no tables, with the command', async () => {
    const rows = [{ username: 'jane@example.com', passwordHash: HASH }]

    const { code, output } = await importLocally('d1', rows, { migrate: false })

    expect(code).toBe(EXIT_FAILED)
    expect(output).toMatch(
      /no such table: users in D1 database USERS_DB; create the tables first with `npx wrangler d1 migrations apply USERS_DB --local --persist-to \S+ --config \S+`/,
    )
    expect(output).toContain('wrote 0 users to d1 before the failure')
    expect(output).not.toContain(HASH)
  })

  it('stores identifiers of the longest length in 3-byte characters in D1', async () => {
    const longest = '中'.repeat(320)
    const rows = [{ username: longest, aliases: ['a'.repeat(320)], passwordHash: HASH }]

    const { code, output, state } = await importLocally('d1', rows)

    expect(output).toBe('wrote 1 user to d1, refused 0')
    expect(code).toBe(0)
    const db = (await state.getD1Database('USERS_DB')) as unknown as D1Database
    expect((await new D1Store(db).findUser('a'.repeat(320)))?.username).toBe(longest)
  })
})

describe('users:import stopped by a signal', { timeout: 60_000 }, () => {
  const ROOT = fileURLToPath(new URL('../..', import.meta.url))
  const leftovers = async (temp: string) =>
    (await readdir(temp)).filter((name) => name.startsWith('corbado-import-'))

  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)('removes the file of hashes on %s and exits %i', async (signal, exitCode) => {
    const persistTo = await mkdtemp(join(dir, 'signal-'))
    // Its own TMPDIR, so that the test sees only this import's temporary directory.
    const temp = join(persistTo, 'tmp')
    await mkdir(temp)
    const file = join(persistTo, 'users.json')
    await writeFile(file, JSON.stringify([{ username: 'jane@example.com', passwordHash: HASH }]))
    const place = ['--local', '--persist-to', persistTo, '--config', config]
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'infra/import/main.ts', '--to', 'kv', ...place, file],
      { cwd: ROOT, env: { ...process.env, TMPDIR: temp }, stdio: 'ignore' },
    )
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve))
    // The directory exists while wrangler runs, which takes seconds.
    while ((await leftovers(temp)).length === 0 && child.exitCode === null) {
      await new Promise((resolve) => setTimeout(resolve, 20))
    }

    child.kill(signal)

    expect(await exited).toBe(exitCode)
    expect(await leftovers(temp)).toEqual([])
  })
})
