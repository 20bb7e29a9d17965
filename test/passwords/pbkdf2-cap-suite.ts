import { afterEach, describe, expect, it, vi } from 'vitest'
import { MAX_WEBCRYPTO_PBKDF2_ITERATIONS } from '../../shared/passwords/pbkdf2-derive'
import { defaultVerifiers } from '../../shared/passwords/verifiers'
import { verifyPassword } from '../../shared/passwords/verify-password'
import type { PasswordVector } from './vector-suite'

// Cloudflare's documented cap, written out here so the test does not trust the code's constant.
const DEPLOYED_WORKERS_PBKDF2_CAP = 100_000

/**
 * Checks that hashes above Workers' WebCrypto PBKDF2 cap still verify while no
 * `deriveBits` call asks for more iterations than the cap. The spy on `deriveBits` is
 * fault injection in reverse: local workerd and Node accept any count, so only a
 * recording of the calls shows what a deployed Worker would refuse. `isWebCryptoUsed` says
 * whether the runtime takes the WebCrypto path at all (Node uses its own PBKDF2 instead).
 */
export function describePbkdf2Cap(
  runtime: string,
  vectors: PasswordVector[],
  isWebCryptoUsed: boolean,
): void {
  describe(`PBKDF2 above the WebCrypto cap on ${runtime}`, () => {
    afterEach(() => {
      vi.restoreAllMocks()
    })

    for (const vector of vectors) {
      it(`verifies ${vector.format} with no deriveBits call above ${DEPLOYED_WORKERS_PBKDF2_CAP} iterations`, async () => {
        const deriveBits = vi.spyOn(crypto.subtle, 'deriveBits')

        const right = await verifyPassword(vector.password, vector.hash, defaultVerifiers)
        const wrong = await verifyPassword(vector.wrong, vector.hash, defaultVerifiers)

        expect(right.isValid).toBe(true)
        expect(wrong.isValid).toBe(false)
        const counts = deriveBits.mock.calls.map(
          ([params]) => (params as { iterations: number }).iterations,
        )
        expect(counts.filter((count) => count > DEPLOYED_WORKERS_PBKDF2_CAP)).toEqual([])
        expect(counts.includes(MAX_WEBCRYPTO_PBKDF2_ITERATIONS)).toBe(isWebCryptoUsed)
      }, 30_000)
    }
  })
}
