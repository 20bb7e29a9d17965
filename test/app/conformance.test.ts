import { describe, expect, it } from 'vitest'
import { createApp } from '../../shared/app/create-app'
import { MemoryStore } from '../../shared/store/memory-store'
import { StoreError, type UserStore } from '../../shared/store/user-store'
import { parseUsers } from '../../shared/store/users-file'
import { TOO_LONG_PASSWORD_USER } from '../conformance/fixtures'
import { authMethodsCall, passwordVerifyCall } from '../conformance/requests'
import {
  CONFORMANCE_CREDENTIALS,
  CONFORMANCE_USERS,
  describeConformance,
} from '../conformance/suite'

const seededStore = () => new MemoryStore(parseUsers(CONFORMANCE_USERS).users)

// A named mock: no real store can be made to fail every lookup on command.
const failingStore: UserStore = {
  findUser: () => Promise.reject(new StoreError('injected failure')),
}

function target(app: ReturnType<typeof createApp>) {
  return async (request: Request) => app.fetch(request)
}

describeConformance(
  'Hono app with the in-memory store',
  () => target(createApp({ credentials: CONFORMANCE_CREDENTIALS, store: seededStore() })),
  {
    faults: {
      storeUnavailable: () =>
        target(createApp({ credentials: CONFORMANCE_CREDENTIALS, store: failingStore })),
      withoutCredentials: () => target(createApp({ credentials: undefined, store: seededStore() })),
    },
  },
)

describe('a configured username with a colon', () => {
  it('refuses every call with 401 credentials_not_configured, since none could match', async () => {
    const credentials = { username: 'corbado:webhook', password: 'secret' }
    const app = createApp({ credentials, store: seededStore() })

    const response = await app.fetch(authMethodsCall('existing@existing.com', { credentials }))

    expect(response.status).toBe(401)
    expect(response.headers.get('WWW-Authenticate')).toMatch(/^Basic realm=/)
    expect((await response.json()).error.code).toBe('credentials_not_configured')
  })
})

describe('a raised password cap', () => {
  it('checks a password up to maxPasswordBytes', async () => {
    const app = createApp({
      credentials: CONFORMANCE_CREDENTIALS,
      store: seededStore(),
      maxPasswordBytes: 300,
    })

    const response = await app.fetch(passwordVerifyCall(TOO_LONG_PASSWORD_USER, 'p'.repeat(257)))

    expect((await response.json()).data).toEqual({ success: true })
  })
})

describe('a configured password with characters above U+00FF', () => {
  it('refuses a password that differs only in the high byte of one character', async () => {
    const credentials = { username: 'corbado-webhook', password: 'p\u0101ssword' }
    const app = createApp({ credentials, store: seededStore() })
    // U+0201 has the same low byte as U+0101.
    const given = { ...credentials, password: 'p\u0201ssword' }

    const right = await app.fetch(authMethodsCall('existing@existing.com', { credentials }))
    const wrong = await app.fetch(authMethodsCall('existing@existing.com', { credentials: given }))

    expect(right.status).toBe(200)
    expect(wrong.status).toBe(401)
    expect((await wrong.json()).error.code).toBe('unauthorized')
  })
})
