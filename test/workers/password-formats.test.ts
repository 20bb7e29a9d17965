import { createExecutionContext } from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import worker from '../../functions/cloudflare/worker'
import { KvTarget, kvBindingWriter } from '../../infra/import/kv-target'
import { parseUsers } from '../../shared/store/users-file'
import { authMethodsCall, passwordVerifyCall } from '../conformance/requests'
import { readJson } from '../conformance/target'
import { describePasswordFormats } from '../passwords/format-suite'
import { FIREBASE_ENV, FORMAT_USERS } from '../passwords/format-users'

// The Worker's own fetch handler with the env workerd builds when the FIREBASE_* vars and
// secrets are set.
function workerWith(settings: Record<string, string>) {
  const workerEnv = { ...env, ...settings } as Env
  return async (request: Request) =>
    worker.fetch(request as Parameters<typeof worker.fetch>[0], workerEnv, createExecutionContext())
}

describePasswordFormats('every hash format through the Worker in workerd', async (rows) => {
  await new KvTarget(kvBindingWriter(env.USERS_KV)).write(parseUsers(rows).users)
  return workerWith(FIREBASE_ENV)
})

describe('the Worker with a bad Firebase setting', () => {
  const firebaseUser = FORMAT_USERS.find((user) => user.format === 'firebase-scrypt')
  if (!firebaseUser) throw new Error('no Firebase vector')
  const seedFirebaseUser = () =>
    new KvTarget(kvBindingWriter(env.USERS_KV)).write(
      parseUsers([{ username: firebaseUser.username, passwordHash: firebaseUser.hash }]).users,
    )

  it.each([
    ['FIREBASE_ROUNDS', { ...FIREBASE_ENV, FIREBASE_ROUNDS: '9' }],
    ['FIREBASE_MEM_COST', { ...FIREBASE_ENV, FIREBASE_MEM_COST: '' }],
    ['FIREBASE_SIGNER_KEY', { ...FIREBASE_ENV, FIREBASE_SIGNER_KEY: 'not base64!' }],
  ])('answers passwordVerify with 500 internal_error naming %s', async (variable, settings) => {
    await seedFirebaseUser()

    const response = await workerWith(settings)(
      passwordVerifyCall(firebaseUser.username, firebaseUser.password),
    )

    const body = await readJson(response)
    expect(response.status).toBe(500)
    expect(body.error.code).toBe('internal_error')
    expect(body.error.message).toContain(variable)
    expect(JSON.stringify(body)).not.toContain(settings.FIREBASE_SIGNER_KEY)
  })

  it('still answers authMethods', async () => {
    await seedFirebaseUser()
    const bad = workerWith({ ...FIREBASE_ENV, FIREBASE_ROUNDS: 'eight' })

    const response = await bad(authMethodsCall(firebaseUser.username))

    expect(response.status).toBe(200)
    expect((await readJson(response)).data).toEqual({ status: 'exists' })
  })
})
