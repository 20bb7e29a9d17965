import { describe, expect, it } from 'vitest'
import { utf8 } from '../../shared/passwords/bytes'
import { shaCryptDigest } from '../../shared/passwords/sha-crypt'
import { loadSyncHash, type SyncHash } from '../../shared/passwords/sync-hash'
import longPasswordVectors from './long-password-vectors.json'

/** `hash` with a record of the most bytes it was handed in one piece. */
function measured(hash: SyncHash) {
  const record = { largestInput: 0 }
  const note = (data: Uint8Array) => {
    record.largestInput = Math.max(record.largestInput, data.length)
  }
  const wrapped = (data: Uint8Array) => {
    note(data)
    return hash(data)
  }
  const create = () => {
    const stream = hash.create()
    const measuredStream = {
      update(data: Uint8Array) {
        note(data)
        stream.update(data)
        return measuredStream
      },
      digest: () => stream.digest(),
    }
    return measuredStream
  }
  return { hash: Object.assign(wrapped, { create }), record }
}

describe('shaCryptDigest', () => {
  it.each([
    ['sha256', 32],
    ['sha512', 64],
  ] as const)('hands %s no more than twice the password at once', async (name, digestBytes) => {
    const password = utf8(longPasswordVectors.vectors[0]?.password ?? '')
    const salt = utf8('saltsaltsaltsalt')
    const { hash, record } = measured(await loadSyncHash(name))

    shaCryptDigest(hash, password, salt, 1000)

    // A round hashes the password bytes twice, the salt bytes and the previous digest.
    expect(password.length).toBe(4616)
    expect(record.largestInput).toBeLessThanOrEqual(2 * password.length + salt.length + digestBytes)
  })
})
