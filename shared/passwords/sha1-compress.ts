import type { ChainHash } from './hmac-chain'

// SHA-1's compression function (FIPS 180-4, section 6.1.2), for the HMAC chain. SHA-1 is
// broken for collisions, not for PBKDF2, whose strength rests on HMAC.

const INITIAL_STATE = new Int32Array([0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0])

// The round constants of rounds 0-19, 20-39, 40-59 and 60-79.
const K0 = 0x5a827999
const K1 = 0x6ed9eba1
const K2 = 0x8f1bbcdc | 0
const K3 = 0xca62c1d6 | 0

/** Compresses the 16 words at the start of `schedule` into `state`, writing `out`. */
function compress(state: Int32Array, schedule: Int32Array, out: Int32Array): void {
  const w = schedule
  for (let i = 16; i < 80; i++) {
    const x =
      (w[i - 3] as number) ^ (w[i - 8] as number) ^ (w[i - 14] as number) ^ (w[i - 16] as number)
    w[i] = (x << 1) | (x >>> 31)
  }

  let a = state[0] as number
  let b = state[1] as number
  let c = state[2] as number
  let d = state[3] as number
  let e = state[4] as number
  for (let i = 0; i < 80; i++) {
    let mixed: number
    if (i < 20) mixed = ((b & c) | (~b & d)) + K0
    else if (i < 40) mixed = (b ^ c ^ d) + K1
    else if (i < 60) mixed = ((b & c) | (b & d) | (c & d)) + K2
    else mixed = (b ^ c ^ d) + K3
    const t = (((a << 5) | (a >>> 27)) + mixed + e + (w[i] as number)) | 0
    e = d
    d = c
    c = (b << 30) | (b >>> 2)
    b = a
    a = t
  }

  out[0] = ((state[0] as number) + a) | 0
  out[1] = ((state[1] as number) + b) | 0
  out[2] = ((state[2] as number) + c) | 0
  out[3] = ((state[3] as number) + d) | 0
  out[4] = ((state[4] as number) + e) | 0
}

/** SHA-1 for `continueHmacChain`. */
export const SHA1_CHAIN: ChainHash = {
  name: 'SHA-1',
  digestWords: 5,
  scheduleWords: 80,
  initialState: INITIAL_STATE,
  compress,
}
