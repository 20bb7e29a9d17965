import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll } from 'vitest'
import { DEMO_USERS } from '../../shared/demo/demo-users'
import { defaultVerifiers } from '../../shared/passwords/verifiers'
import { checkHash } from '../../shared/passwords/verify-password'
import { CONFORMANCE_CREDENTIALS, CONFORMANCE_USERS } from '../conformance/suite'
import { type RunningServer, startNodeServer } from '../support/node-server'

// What the Node server's test files share: credentials, hashes and the users files made
// from them, and servers that stop when the file's tests end.

export const REAL_CREDENTIALS = {
  WEBHOOK_USERNAME: CONFORMANCE_CREDENTIALS.username,
  WEBHOOK_PASSWORD: CONFORMANCE_CREDENTIALS.password,
}
export const COST_4_HASH = '$2b$04$b5/CwNDuHMWtLRhRscesW.vTvtd6ce5pqA92jrybyLW8GwxWter1W'
export const COST_10_HASH = DEMO_USERS[0]?.passwordHash as string

// The users the server loads: it refuses at start a hash no verifier knows or one that
// its verifier's check refuses, as the start tests show.
export const KNOWN_HASH_USERS = CONFORMANCE_USERS.filter(
  (user) => !('passwordHash' in user) || isUsable(user.passwordHash),
)
function isUsable(hash: string): boolean {
  try {
    checkHash(hash, defaultVerifiers)
    return true
  } catch {
    return false
  }
}

/**
 * Registers, in the calling test file, the removal of its users files and the stop of its
 * servers once its tests end; returns the folder of the files and how to make both.
 */
export function useServers() {
  const dir = mkdtempSync(join(tmpdir(), 'webhook-users-'))
  const servers: RunningServer[] = []
  afterAll(async () => {
    await Promise.all(servers.map((server) => server.stop()))
    // The users files hold password hashes: they do not outlive the tests.
    rmSync(dir, { recursive: true, force: true })
  })

  function usersFile(name: string, content: string): string {
    const path = join(dir, name)
    writeFileSync(path, content)
    return path
  }
  async function start(env: Record<string, string>): Promise<RunningServer> {
    const server = await startNodeServer(env)
    servers.push(server)
    return server
  }
  const goodUsersFile = usersFile('conformance.json', JSON.stringify(KNOWN_HASH_USERS))
  return { dir, usersFile, start, goodUsersFile }
}
