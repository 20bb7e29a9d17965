import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { METHODS } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, it } from 'vitest'
import { CONFORMANCE_CREDENTIALS } from '../conformance/fixtures'
import type { FetchTarget } from '../conformance/target'
import {
  anyCall,
  expectNoEcho,
  expectProtocolAnswer,
  expectRightAnswer,
  FUZZ_USERS,
  fuzzRequest,
  secretCall,
  validCall,
} from '../support/fuzz-calls'
import { forwardTo, type RunningServer, startNodeServer } from '../support/node-server'

// Fewer runs than on the bare app: each is a real HTTP call to another process.
const RUNS = 40
const TIMING_HASH = '$2b$04$b5/CwNDuHMWtLRhRscesW.vTvtd6ce5pqA92jrybyLW8GwxWter1W'
// Node's HTTP parser answers any other method itself, before the webhook sees it.
const nodeMethods = fc.constantFrom(
  ...METHODS.filter((method) => !['CONNECT', 'TRACE'].includes(method)),
)

let dir: string
let server: RunningServer
let send: FetchTarget
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'webhook-fuzz-'))
  const usersFile = join(dir, 'users.json')
  writeFileSync(usersFile, JSON.stringify(FUZZ_USERS))
  server = await startNodeServer({
    WEBHOOK_USERNAME: CONFORMANCE_CREDENTIALS.username,
    WEBHOOK_PASSWORD: CONFORMANCE_CREDENTIALS.password,
    USERS_FILE: usersFile,
    TIMING_HASH,
    LOG_LEVEL: 'debug',
  })
  send = forwardTo(server.url)
})
afterAll(async () => {
  await server.stop()
  rmSync(dir, { recursive: true, force: true })
})

describe('fuzzed input to the Node server over loopback HTTP', () => {
  it('never answers 5xx, and every refusal with a protocol error', async () => {
    await fc.assert(
      fc.asyncProperty(anyCall(nodeMethods), async (call) => {
        const request = fuzzRequest(call)

        await expectProtocolAnswer(await send(request), request)
      }),
      { numRuns: RUNS },
    )
  })

  it('never puts a submitted password in an answer or in its output', async () => {
    await fc.assert(
      fc.asyncProperty(secretCall(nodeMethods), async ({ call, secret }) => {
        await expectNoEcho(send, server.output, call, secret.needle)
      }),
      { numRuns: RUNS },
    )
  })

  it('answers every valid call with the right answer', async () => {
    await fc.assert(
      fc.asyncProperty(validCall(), async (valid) => {
        await expectRightAnswer(await send(fuzzRequest(valid.call)), valid)
      }),
      { numRuns: RUNS },
    )
  })
})
