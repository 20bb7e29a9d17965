import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { DEMO_USERS } from '../../shared/demo/demo-users'
import type { UserRecord } from '../../shared/store/user-store'
import { parseUsers } from '../../shared/store/users-file'
import { D1Target } from '../import/d1-target'
import { KvTarget } from '../import/kv-target'
import { readUsersFile } from '../import/read-users-file'
import { runWrangler } from '../import/wrangler'
import { d1WranglerWriter, kvWranglerWriter } from '../import/wrangler-writers'

const WRANGLER_BIN = createRequire(import.meta.url).resolve('wrangler/bin/wrangler.js')
const LOCAL = { isLocal: true }

/**
 * `npm run dev:worker`: seeds the local KV namespace and D1 database of `wrangler dev`
 * with the demo users (or the users file in USERS_FILE), then serves the Worker on
 * 127.0.0.1:8787. USER_STORE=d1 serves from D1. Without a .dev.vars the credentials of
 * .dev.vars.example are used.
 */
async function main(): Promise<void> {
  const users = process.env.USERS_FILE ? await usersFrom(process.env.USERS_FILE) : DEMO_USERS

  const migrations = await runWrangler(['d1', 'migrations', 'apply', 'USERS_DB', '--local'], '.')
  if (migrations.code !== 0)
    throw new Error(`applying the D1 migrations failed:\n${migrations.output}`)
  await new KvTarget(kvWranglerWriter('USERS_KV', LOCAL)).write(users)
  await new D1Target(d1WranglerWriter('USERS_DB', LOCAL)).write(users)
  console.log(`seeded ${users.length} users into local KV and D1`)

  const args = ['dev', '--local', '--ip', '127.0.0.1', '--port', process.env.PORT || '8787']
  if (!existsSync('.dev.vars')) args.push('--env-file', '.dev.vars.example')
  if (process.env.USER_STORE) args.push('--var', `USER_STORE:${process.env.USER_STORE}`)
  const dev = spawn(process.execPath, [WRANGLER_BIN, ...args], { stdio: 'inherit' })
  dev.on('exit', (code) => {
    process.exitCode = code ?? 1
  })
}

async function usersFrom(path: string): Promise<UserRecord[]> {
  const { rows, describeRow } = await readUsersFile(path)
  const { users, refused } = parseUsers(rows)
  for (const { index, reason } of refused) console.error(`refused ${describeRow(index)}: ${reason}`)
  return users
}

await main()
