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
  // A round's input is one of eight layouts of the same parts (odd round or even, with or
  // without the salt, with or without the second password), and only the digest in it
  // changes. Laid out once, each round copies its digest and hashes: one copy a round
  // instead of four, which took the crypt formats on Node from 8 to 13 % over their bare
  // hash chain to at or below it (npm run bench:hashes).
  const layouts = [0, 1, 2, 3, 4, 5, 6, 7].map((key) => roundLayout(key, digest.length, p, s))

  let current = digest
  for (let round = 0; round < rounds; round++) {
    const key = (round & 1) | (round % 3 !== 0 ? 2 : 0) | (round % 7 !== 0 ? 4 : 0)
    const { input, digestAt } = layouts[key] as RoundLayout
    input.set(current, digestAt)
    current = hash(input)
  }
  return current
}

interface RoundLayout {
  /** The round's input with every part but the digest in place. */
  input: Uint8Array
  /** Where the previous digest goes. */
  digestAt: number
}

// key bit 1: odd round (password first, digest last); bit 2: salt; bit 4: second password.
function roundLayout(key: number, size: number, p: Uint8Array, s: Uint8Array): RoundLayout {
  const isOdd = (key & 1) !== 0
  const middle = [(key & 2) !== 0 ? s : undefined, (key & 4) !== 0 ? p : undefined]
  const input = new Uint8Array(
    size + p.length + middle.reduce((sum, part) => sum + (part?.length ?? 0), 0),
  )

  // Odd rounds: password, middle, digest. Even rounds: digest, middle, password.
  let offset = isOdd ? p.length : size
  if (isOdd) input.set(p)
  for (const part of middle) {
    if (!part) continue
    input.set(part, offset)
    offset += part.length
  }
  if (!isOdd) input.set(p, offset)
  return { input, digestAt: isOdd ? offset : 0 }
}
