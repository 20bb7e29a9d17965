import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { D1Database, KVNamespace } from '@cloudflare/workers-types'
import { Miniflare } from 'miniflare'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { EXIT_ROWS_REFUSED, runImportCli } from '../../infra/import/cli'
import { D1Target } from '../../infra/import/d1-target'
import { runWrangler } from '../../infra/import/wrangler'
import { d1WranglerWriter } from '../../infra/import/wrangler-writers'
import { D1Store } from '../../shared/store/d1-store'
import { KvStore } from '../../shared/store/kv-store'
import type { UserRecord } from '../../shared/store/user-store'

// Values with a quote and a semicolon, which SQL literals and wrangler's statement
// splitting must survive.
const HASH = "$test$quote'semi;colon$0123456789abcdef"
const USERS: UserRecord[] = [
  {
    username: 'jane@example.com',
    aliases: ['+4915112345678'],
    passwordHash: HASH,
    status: 'active',
  },
  { username: 'blocked@example.com', status: 'blocked' },
]

// The ids in wrangler.toml, under which wrangler keeps local state.
const KV_ID = '00000000000000000000000000000000'
const D1_ID = '00000000-0000-0000-0000-000000000000'

let persistTo: string
const opened: Miniflare[] = []

beforeAll(async () => {
  persistTo = await mkdtemp(join(tmpdir(), 'wrangler-import-test-'))
})

afterAll(async () => {
  await Promise.all(opened.map((mf) => mf.dispose()))
  await rm(persistTo, { recursive: true, force: true })
})

// The state wrangler wrote, opened the way `wrangler dev --local --persist-to` opens it.
function openLocalState(): Miniflare {
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

// Each wrangler run takes 1 to 3 s. Running twice is tested through bindings in
// test/workers: the pairs and statements are the same.
describe('import through wrangler into local state', { timeout: 30_000 }, () => {
  const place = () => ({ isLocal: true, persistTo })

  it('imports a users file to local KV with --to kv --local, naming the bad row', async () => {
    const file = join(persistTo, 'users.json')
    await writeFile(file, JSON.stringify([...USERS, { username: '', passwordHash: HASH }]))
    const lines: string[] = []
    const out = {
      log: (line: string) => lines.push(line),
      error: (line: string) => lines.push(line),
    }

    // The hash is made up for its quote and semicolon, so no verifier knows it.
    const flags = ['--to', 'kv', '--local', '--persist-to', persistTo, '--keep-unknown-hashes']
    const code = await runImportCli([...flags, file], out)

    expect(lines).toEqual([
      'wrote 2 users to kv, refused 1',
      'refused index 2: username must not be empty',
    ])
    expect(code).toBe(EXIT_ROWS_REFUSED)
    const kv = await openLocalState().getKVNamespace('USERS_KV')
    const store = new KvStore(kv as unknown as KVNamespace)
    expect(await store.findUser('+4915112345678')).toEqual(USERS[0])
    expect((await kv.list()).keys).toHaveLength(3)
  })

  it('names the failure without printing a hash when D1 has no schema yet', async () => {
    const target = new D1Target(d1WranglerWriter('USERS_DB', place()))

    const failure = await target.write(USERS).catch((error: Error) => error)

    expect(failure).toBeInstanceOf(Error)
    expect(String(failure)).toContain('no such table: users')
    expect(String(failure)).not.toContain('quote')
  })

  it('writes D1 rows that D1Store reads, after the migrations', async () => {
    await runWrangler(
      ['d1', 'migrations', 'apply', 'USERS_DB', '--local', '--persist-to', persistTo],
      persistTo,
    )
    const target = new D1Target(d1WranglerWriter('USERS_DB', place()))

    await target.write(USERS)

    const db = await openLocalState().getD1Database('USERS_DB')
    const store = new D1Store(db as unknown as D1Database)
    expect(await store.findUser('+4915112345678')).toEqual(USERS[0])
    expect(await store.findUser('blocked@example.com')).toEqual(USERS[1])
    const count = await db.prepare('SELECT count(*) AS n FROM users').first<{ n: number }>()
    expect(count?.n).toBe(2)
  })

  it('leaves no temporary file behind', async () => {
    const leftovers = (await readdir(tmpdir())).filter((name) => name.startsWith('corbado-import-'))

    expect(leftovers).toEqual([])
  })
})
