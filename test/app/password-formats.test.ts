import { createApp } from '../../shared/app/create-app'
import { verifiersFromEnv } from '../../shared/passwords/verifiers-from-env'
import { MemoryStore } from '../../shared/store/memory-store'
import { parseUsers } from '../../shared/store/users-file'
import { CONFORMANCE_CREDENTIALS } from '../conformance/fixtures'
import { describePasswordFormats } from '../passwords/format-suite'
import { FIREBASE_ENV } from '../passwords/format-users'

describePasswordFormats('every hash format through the app on Node', async (rows) => {
  const app = createApp({
    credentials: CONFORMANCE_CREDENTIALS,
    store: new MemoryStore(parseUsers(rows).users),
    verifiers: verifiersFromEnv(FIREBASE_ENV),
  })
  return async (request) => app.fetch(request)
})
