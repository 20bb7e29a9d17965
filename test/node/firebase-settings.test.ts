import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { CONFORMANCE_CREDENTIALS } from '../conformance/fixtures'
import { passwordVerifyCall } from '../conformance/requests'
import { readJson } from '../conformance/target'
import { FIREBASE_ENV, FORMAT_USERS } from '../passwords/format-users'
import {
  forwardTo,
  type RunningServer,
  runNodeServerToExit,
  startNodeServer,
} from '../support/node-server'

const firebaseUser = FORMAT_USERS.find((user) => user.format === 'firebase-scrypt')
if (!firebaseUser) throw new Error('no Firebase vector')

const usersFile = join(mkdtempSync(join(tmpdir(), 'firebase-users-')), 'users.json')
writeFileSync(
  usersFile,
  JSON.stringify([{ username: firebaseUser.username, passwordHash: firebaseUser.hash }]),
)
const BASE_ENV = {
  WEBHOOK_USERNAME: CONFORMANCE_CREDENTIALS.username,
  WEBHOOK_PASSWORD: CONFORMANCE_CREDENTIALS.password,
  USERS_FILE: usersFile,
  LOG_LEVEL: 'silent',
}

const servers: RunningServer[] = []
afterAll(async () => {
  await Promise.all(servers.map((server) => server.stop()))
  rmSync(dirname(usersFile), { recursive: true, force: true })
})

async function serverWith(settings: Record<string, string>) {
  const server = await startNodeServer({ ...BASE_ENV, ...settings })
  servers.push(server)
  return forwardTo(server.url)
}

describe("the Node server's Firebase settings", () => {
  it('verifies a Firebase-hashed user when the four FIREBASE_* variables are set', async () => {
    const server = await serverWith(FIREBASE_ENV)

    const right = await server(passwordVerifyCall(firebaseUser.username, firebaseUser.password))
    const wrong = await server(passwordVerifyCall(firebaseUser.username, firebaseUser.wrong))

    expect((await readJson(right)).data).toEqual({ success: true })
    expect((await readJson(wrong)).data).toEqual({ success: false })
  })

  it('refuses to start on a Firebase-hashed user without the settings, naming the row', async () => {
    const { code, output } = await runNodeServerToExit(BASE_ENV)

    expect(code).toBe(1)
    expect(output).toContain('row 0')
    expect(output).toContain('no verifier knows')
    expect(output).not.toContain(firebaseUser.hash)
  })

  it.each([
    ['FIREBASE_MEM_COST', { ...FIREBASE_ENV, FIREBASE_MEM_COST: '' }],
    ['FIREBASE_ROUNDS', { ...FIREBASE_ENV, FIREBASE_ROUNDS: '8.5' }],
    ['FIREBASE_SALT_SEPARATOR', { ...FIREBASE_ENV, FIREBASE_SALT_SEPARATOR: 'B' }],
    [
      'FIREBASE_SIGNER_KEY',
      { ...FIREBASE_ENV, FIREBASE_SIGNER_KEY: `${FIREBASE_ENV.FIREBASE_SIGNER_KEY}!` },
    ],
  ])('refuses to start on a bad setting, naming %s', async (variable, settings) => {
    const { code, output } = await runNodeServerToExit({ ...BASE_ENV, ...settings })

    expect(code).toBe(1)
    expect(output).toContain(`Cannot start: ${variable}`)
    expect(output).not.toContain(FIREBASE_ENV.FIREBASE_SIGNER_KEY)
  })
})
