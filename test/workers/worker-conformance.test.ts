import { createExecutionContext } from 'cloudflare:test'
import { env, exports } from 'cloudflare:workers'
import worker from '../../functions/cloudflare/worker'
import { D1Target, d1BindingWriter } from '../../infra/import/d1-target'
import { KvTarget, kvBindingWriter } from '../../infra/import/kv-target'
import type { ImportTarget } from '../../infra/import/target'
import { parseUsers } from '../../shared/store/users-file'
import { CONFORMANCE_USERS, describeConformance } from '../conformance/suite'

// Seeding runs inside workerd through the import targets with binding writers: the same
// pairs and statements `users:import --to kv|d1` hands to wrangler, which
// test/cloudflare/wrangler-import.test.ts covers from Node.
async function seed(target: ImportTarget): Promise<void> {
  await target.write(parseUsers(CONFORMANCE_USERS).users)
}

// A request as workerd hands it to the Worker; the suite builds plain ones.
const asIncoming = (request: Request) => request as Parameters<typeof worker.fetch>[0]

describeConformance('Worker with Workers KV (wrangler.toml as is)', async () => {
  await seed(new KvTarget(kvBindingWriter(env.USERS_KV)))
  return (request) => exports.default.fetch(request)
})

describeConformance('Worker with D1 (USER_STORE = "d1")', async () => {
  await seed(new D1Target(d1BindingWriter(env.USERS_DB)))
  // The env workerd builds when wrangler.toml says USER_STORE = "d1".
  const d1Env = { ...env, USER_STORE: 'd1' }
  return async (request) => worker.fetch(asIncoming(request), d1Env, createExecutionContext())
})
