import { createApp } from '../../shared/app/create-app'
import { MemoryStore } from '../../shared/store/memory-store'
import { StoreError, type UserStore } from '../../shared/store/user-store'
import { parseUsers } from '../../shared/store/users-file'
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
