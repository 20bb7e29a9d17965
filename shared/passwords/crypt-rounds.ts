import type { CHash } from '@noble/hashes/utils.js'

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
  hash: CHash,
  digest: Uint8Array,
  p: Uint8Array,
  s: Uint8Array,
  rounds: number,
): Uint8Array {
  let current = digest
  for (let round = 0; round < rounds; round++) {
    const step = hash.create()
    step.update(round & 1 ? p : current)
    if (round % 3) step.update(s)
    if (round % 7) step.update(p)
    step.update(round & 1 ? current : p)
    current = step.digest()
  }
  return current
}
