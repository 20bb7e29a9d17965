import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'
import { afterEach, describe, expect, it } from 'vitest'
import { createApp } from '../../shared/app/create-app'
import { DEMO_CREDENTIALS, DEMO_USERS } from '../../shared/demo/demo-users'
import { MemoryStore } from '../../shared/store/memory-store'
import { startNodeServer } from '../support/node-server'
import { check } from './run'

const DEMO_ARGS = [
  ...['--auth', `${DEMO_CREDENTIALS.username}:${DEMO_CREDENTIALS.password}`],
  ...['--valid-user', 'existing@existing.com', '--valid-password', 'supersecret'],
  ...['--unknown-user', 'nonexisting@nonexisting.com', '--json'],
]

let stop: (() => unknown) | undefined
afterEach(async () => {
  await stop?.()
  stop = undefined
})

describe('the webhook checker against this project', () => {
  it('passes every check against the local Node server with its demo data', async () => {
    const server = await startNodeServer({ LOG_LEVEL: 'silent' })
    stop = () => server.stop()

    const { exitCode, stdout } = await check(['--url', `${server.url}/webhook`, ...DEMO_ARGS])

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
