import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bundleNodeServer } from '../../infra/build/build-node'
import { CONFORMANCE_CREDENTIALS } from '../conformance/fixtures'
import { passwordVerifyCall } from '../conformance/requests'
import { readJson } from '../conformance/target'
import { FIREBASE_ENV, FORMAT_USER_ROWS, FORMAT_USERS } from '../passwords/format-users'
import { builtServer, forwardTo, type RunningServer, startNodeServer } from '../support/node-server'

// The bundle sits alone in a folder outside the project: with no node_modules on its
// path, anything it failed to bundle would fail to load.
let dir: string
let server: RunningServer
let send: (request: Request) => Promise<Response>
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'node-build-'))
  const file = join(dir, 'server.mjs')
  await bundleNodeServer('functions/node/server.ts', file)
  const usersFile = join(dir, 'users.json')
  await writeFile(usersFile, JSON.stringify(FORMAT_USER_ROWS))

  server = await startNodeServer(
    {
      WEBHOOK_USERNAME: CONFORMANCE_CREDENTIALS.username,
      WEBHOOK_PASSWORD: CONFORMANCE_CREDENTIALS.password,
      USERS_FILE: usersFile,
      LOG_LEVEL: 'silent',
      ...FIREBASE_ENV,
    },
    builtServer(file),
  )
  send = forwardTo(server.url)
})
afterAll(async () => {
  await server?.stop()
  await rm(dir, { recursive: true, force: true })
})

describe('the Node server built by npm run build:node', () => {
  it('is one file, run by plain node', async () => {
    expect((await readdir(dir)).sort()).toEqual(['server.mjs', 'users.json'])
  })

  it.each(FORMAT_USERS.map((user) => [user.format, user]))(
    'verifies a %s password from outside the project',
    async (_format, user) => {
      const right = await send(passwordVerifyCall(user.username, user.password))
      const wrong = await send(passwordVerifyCall(user.username, user.wrong))

      expect((await readJson(right)).data).toEqual({ success: true })
      expect((await readJson(wrong)).data).toEqual({ success: false })
    },
  )
})
