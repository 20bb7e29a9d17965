import { createExecutionContext } from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import { afterEach, expect, it, vi } from 'vitest'
import { timingHashFrom } from '../../functions/cloudflare/create-worker-app'
import worker from '../../functions/cloudflare/worker'
import { createJsonLogger } from '../../shared/app/logger'
import { defaultVerifiers } from '../../shared/passwords/verifiers'
import { passwordVerifyCall } from '../conformance/requests'

afterEach(() => {
  vi.restoreAllMocks()
})

function recordingLogger() {
  const lines: string[] = []
  return { lines, logger: createJsonLogger({ level: 'error', write: (line) => lines.push(line) }) }
}

it('takes TIMING_HASH when a verifier knows its format', () => {
  const { lines, logger } = recordingLogger()
  const hash = '{SSHA}k7fT9kq8U3sq6bqJ0v3mI8bT1xZzdGVzdA=='

  expect(timingHashFrom(` ${hash} `, defaultVerifiers, logger)).toBe(hash)
  expect(lines).toEqual([])
})

it('keeps the default for an unset or blank TIMING_HASH, silently', () => {
  const { lines, logger } = recordingLogger()

  expect(timingHashFrom(undefined, defaultVerifiers, logger)).toBeUndefined()
  expect(timingHashFrom('  ', defaultVerifiers, logger)).toBeUndefined()
  expect(lines).toEqual([])
})

it('logs and ignores a TIMING_HASH in a format no verifier knows, without quoting it', () => {
  const { lines, logger } = recordingLogger()

  expect(timingHashFrom('$unknown$secret-looking', defaultVerifiers, logger)).toBeUndefined()
  expect(lines).toHaveLength(1)
  expect(lines[0]).toContain('TIMING_HASH ignored')
  expect(lines[0]).not.toContain('secret-looking')
})

it('reads TIMING_HASH from the Worker env and still answers unknown users false', async () => {
  const log = vi.spyOn(console, 'log').mockImplementation(() => {})
  const withTimingHash = { ...env, LOG_LEVEL: 'error', TIMING_HASH: '$unknown$x' } as Env

  const response = await worker.fetch(
    passwordVerifyCall('nobody@example.com', 'supersecret') as Parameters<typeof worker.fetch>[0],
    withTimingHash,
    createExecutionContext(),
  )

  expect((await response.json<{ data: unknown }>()).data).toEqual({ success: false })
  const lines = log.mock.calls.map(([line]) => String(line))
  expect(lines.some((line) => line.includes('TIMING_HASH ignored'))).toBe(true)
})
