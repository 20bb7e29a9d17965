import { type ChildProcess, spawn } from 'node:child_process'
import type { AddressInfo } from 'node:net'
import { fileURLToPath } from 'node:url'
import { serve } from '@hono/node-server'
import { afterEach, describe, expect, it } from 'vitest'
import { createApp } from '../../shared/app/create-app'
import { DEMO_CREDENTIALS, DEMO_USERS } from '../../shared/demo/demo-users'
import { MemoryStore } from '../../shared/store/memory-store'
import { check } from './run'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const DEMO_ARGS = [
  ...['--auth', `${DEMO_CREDENTIALS.username}:${DEMO_CREDENTIALS.password}`],
  ...['--valid-user', 'existing@existing.com', '--valid-password', 'supersecret'],
  ...['--unknown-user', 'nonexisting@nonexisting.com', '--json'],
]

let stop: (() => void) | undefined
afterEach(() => {
  stop?.()
  stop = undefined
})

/** Starts `functions/node/server.ts` as `npm start` does, on a free port, and reads its URL. */
async function startNodeServer(): Promise<string> {
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', 'functions/node/server.ts'],
    {
      cwd: ROOT,
      env: { PATH: process.env.PATH, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent' },
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  )
  stop = () => child.kill()

  let banner = ''
  for await (const chunk of child.stderr ?? []) {
    banner += String(chunk)
    const url = /listening on (http:\/\/\S+\/webhook)/.exec(banner)?.[1]
    if (url) return url
  }
  throw new Error(`the Node server stopped before listening:\n${banner}`)
}

describe('the webhook checker against this project', () => {
  it('passes every check against the local Node server with its demo data', async () => {
    const url = await startNodeServer()

    const { exitCode, stdout } = await check(['--url', url, ...DEMO_ARGS])

    expect(JSON.parse(stdout)).toMatchObject({ isPassed: true })
    expect(exitCode).toBe(0)
  })

  it('passes every check against createApp with a password holding a colon', async () => {
    const credentials = { username: 'corbado-panel', password: 'pass:with:colons' }
    const app = createApp({ credentials, store: new MemoryStore(DEMO_USERS) })
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' })
    await new Promise((resolve) => server.once('listening', resolve))
    stop = () => server.close()
    const { port } = server.address() as AddressInfo

    const { exitCode, stdout } = await check([
      ...['--url', `http://127.0.0.1:${port}/webhook`],
      ...DEMO_ARGS,
      ...['--auth', 'corbado-panel:pass:with:colons'],
    ])

    expect(JSON.parse(stdout)).toMatchObject({ isPassed: true })
    expect(exitCode).toBe(0)
  })
})
