import fc from 'fast-check'
import { describe, it } from 'vitest'
import { createApp } from '../../shared/app/create-app'
import { createJsonLogger } from '../../shared/app/logger'
import { normalizeIdentifier } from '../../shared/store/identifier'
import { MemoryStore } from '../../shared/store/memory-store'
import { StoreError, type UserStore } from '../../shared/store/user-store'
import { parseUsers } from '../../shared/store/users-file'
import { CONFORMANCE_CREDENTIALS } from '../conformance/fixtures'
import {
  anyCall,
  anyMethodToken,
  expectNoEcho,
  expectProtocolAnswer,
  expectRightAnswer,
  FUZZ_USERS,
  fuzzRequest,
  STORE_DOWN_USER,
  secretCall,
  validCall,
} from '../support/fuzz-calls'

// bcrypt cost 4, the fixtures' cost, so unknown users cost as little as known ones.
const TIMING_HASH = '$2b$04$b5/CwNDuHMWtLRhRscesW.vTvtd6ce5pqA92jrybyLW8GwxWter1W'
const RUNS = 300

/**
 * The app on the real in-memory store, behind a named mock that fails the lookup of
 * `STORE_DOWN_USER` (no real store fails for one name on command) and says whether it did.
 */
function fuzzedApp() {
  const lines: string[] = []
  const real = new MemoryStore(parseUsers(FUZZ_USERS).users)
  const lookups = { failed: false }
  const store: UserStore = {
    async findUser(identifier) {
      if (identifier === normalizeIdentifier(STORE_DOWN_USER)) {
        lookups.failed = true
        throw new StoreError('injected failure')
      }
      return real.findUser(identifier)
    },
  }
  const app = createApp({
    credentials: CONFORMANCE_CREDENTIALS,
    store,
    logger: createJsonLogger({ level: 'debug', write: (line) => lines.push(line) }),
    timingHash: TIMING_HASH,
  })
  return { send: async (request: Request) => app.fetch(request), lines, lookups }
}

describe('fuzzed input to the app', () => {
  it('answers 5xx only when the store failed, and every refusal with a protocol error', async () => {
    const { send, lookups } = fuzzedApp()

    await fc.assert(
      fc.asyncProperty(anyCall(anyMethodToken, { withStoreDown: true }), async (call) => {
        lookups.failed = false
        const request = fuzzRequest(call)

        const response = await send(request)

        await expectProtocolAnswer(response, request, lookups.failed)
      }),
      { numRuns: RUNS },
    )
  })

  it('never puts a submitted password in an answer or a log line', async () => {
    const { send, lines } = fuzzedApp()

    await fc.assert(
      fc.asyncProperty(secretCall(anyMethodToken), async ({ call, secret }) => {
        await expectNoEcho(send, () => lines.join('\n'), call, secret.needle)
      }),
      { numRuns: RUNS },
    )
  })

  it('answers every valid call with the right answer', async () => {
    const { send } = fuzzedApp()

    await fc.assert(
      fc.asyncProperty(validCall(), async (valid) => {
        await expectRightAnswer(await send(fuzzRequest(valid.call)), valid)
      }),
      { numRuns: RUNS },
    )
  })
})
