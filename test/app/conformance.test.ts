import { createApp } from '../../shared/app/create-app'
import { MemoryStore } from '../../shared/store/memory-store'
import { parseUsers } from '../../shared/store/users-file'
import {
  CONFORMANCE_CREDENTIALS,
  CONFORMANCE_USERS,
  describeConformance,
} from '../conformance/suite'

describeConformance('Hono app with the in-memory store', () => {
  const app = createApp({
    credentials: CONFORMANCE_CREDENTIALS,
    store: new MemoryStore(parseUsers(CONFORMANCE_USERS).users),
  })
  return async (request) => app.fetch(request)
})
