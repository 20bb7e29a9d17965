import { createExecutionContext } from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import { afterEach, expect, it, vi } from 'vitest'
import worker from '../../functions/cloudflare/worker'
import { authMethodsCall } from '../conformance/requests'

// The Worker's own fetch handler, given an env as workerd builds it from a configuration
// that names a store but does not bind it.
function envWithout(binding: 'USERS_KV' | 'USERS_DB', userStore: string, logLevel = 'silent') {
  return { ...env, USER_STORE: userStore, LOG_LEVEL: logLevel, [binding]: undefined } as Env
}

function call(bareEnv: Env) {
  const request = authMethodsCall('existing@existing.com')
  return worker.fetch(
    request as Parameters<typeof worker.fetch>[0],
    bareEnv,
    createExecutionContext(),
  )
}

const callWithout = (binding: 'USERS_KV' | 'USERS_DB', userStore: string, logLevel?: string) =>
  call(envWithout(binding, userStore, logLevel))

afterEach(() => {
  vi.restoreAllMocks()
})

it('answers 503 store_unavailable naming USERS_KV when kv is chosen but not bound', async () => {
  const response = await callWithout('USERS_KV', 'kv')

  expect(response.status).toBe(503)
  const body = await response.json<{ error: { code: string; message: string } }>()
  expect(body.error.code).toBe('store_unavailable')
  expect(body.error.message).toContain('[[kv_namespaces]] binding named USERS_KV')
})

it('answers 503 store_unavailable naming USERS_DB when d1 is chosen but not bound', async () => {
  const response = await callWithout('USERS_DB', 'd1')

  expect(response.status).toBe(503)
  const body = await response.json<{ error: { code: string; message: string } }>()
  expect(body.error.message).toContain('[[d1_databases]] binding named USERS_DB')
})

it('logs which binding is missing when it builds the app', async () => {
  const log = vi.spyOn(console, 'log').mockImplementation(() => {})

  await callWithout('USERS_KV', 'kv', 'error')

  const lines = log.mock.calls.map(([line]) => String(line))
  expect(lines.some((line) => line.includes('"no user store"') && line.includes('USERS_KV'))).toBe(
    true,
  )
})

it('builds the app once for many requests with the same env', async () => {
  const log = vi.spyOn(console, 'log').mockImplementation(() => {})
  const bareEnv = envWithout('USERS_KV', 'kv', 'error')

  await call(bareEnv)
  await call(bareEnv)
  await call(bareEnv)

  const lines = log.mock.calls.map(([line]) => String(line))
  expect(lines.filter((line) => line.includes('"no user store"'))).toHaveLength(1)
})

it('answers 503 naming USER_STORE when it holds an unknown store', async () => {
  const response = await callWithout('USERS_KV', 'redis')

  const body = await response.json<{ error: { message: string } }>()
  expect(response.status).toBe(503)
  expect(body.error.message).toContain('set the var USER_STORE to "kv" or "d1"')
})
