import type { SyncHash } from './sync-hash'

/** `length` bytes of `block` repeated, the last copy cut short. */
export function repeatTo(block: Uint8Array, length: number): Uint8Array {
  const out = new Uint8Array(length)
  for (let i = 0; i < length; i += block.length) {
    out.set(block.subarray(0, Math.min(block.length, length - i)), i)
  }
  return out
}

/**
 * The stretching loop md5-crypt introduced and SHA-crypt kept. Each round hashes the
 * previous digest and the password bytes `p`, in an order that alternates with the round,
 * adding the salt bytes `s` when the round is not a multiple of 3 and `p` again when it is
 * not a multiple of 7. md5-crypt passes the password and salt as they are; SHA-crypt
 * passes bytes derived from them.
 */
export function cryptRounds(
  hash: SyncHash,
  digest: Uint8Array,
  p: Uint8Array,
  s: Uint8Array,
  rounds: number,
): Uint8Array {
  // Each round's input is written into one buffer, so that a round allocates nothing but
  // its digest, and a one-shot hash needs no hash object per round.
  const size = digest.length
  const buffer = new Uint8Array(size + s.length + 2 * p.length)
  // The round's input is a prefix of the buffer: one view for each of the four
  // combinations of salt (bit 1) and second password (bit 2).
  const views = [0, 1, 2, 3].map((parts) =>
    buffer.subarray(0, size + p.length + (parts & 1 ? s.length : 0) + (parts & 2 ? p.length : 0)),
  )

  let current = digest
  for (let round = 0; round < rounds; round++) {
    const hasSalt = round % 3 !== 0
    const hasPassword = round % 7 !== 0
    let offset = 0
    buffer.set(round & 1 ? p : current, offset)
    offset += round & 1 ? p.length : size
    if (hasSalt) {
      buffer.set(s, offset)
      offset += s.length
    }
    if (hasPassword) {
      buffer.set(p, offset)
      offset += p.length
    }
    buffer.set(round & 1 ? current : p, offset)
    current = hash(views[(hasSalt ? 1 : 0) | (hasPassword ? 2 : 0)] as Uint8Array)
  }
  return current
}
