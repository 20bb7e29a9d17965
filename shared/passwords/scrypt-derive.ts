import { nodeCrypto } from './node-crypto'
import { InvalidHashError } from './verifier'

/**
 * The most bytes scrypt's table of N blocks may take: half a Worker's 128 MB, leaving room
 * for the isolate itself. passlib's default (ln=16, r=8) fills it exactly.
 */
export const MAX_SCRYPT_MEMORY_BYTES = 64 * 1024 * 1024
/** Parallelism multiplies the work without adding memory; 16 is far above common use (1). */
export const MAX_SCRYPT_PARALLELISM = 16
/**
 * The most bytes of table all p lanes together may fill, 128·N·r·p: the cost of a scrypt
 * verify, which memory and parallelism alone leave at up to 1 GiB. Four times passlib's
 * default (ln=16, r=8, p=1) and 16 times Firebase's (N=2^14, r=8): about 0.6 s on Node and
 * 0.9 s in workerd, 16 times the firebase-scrypt rows of `npm run bench:hashes`.
 */
export const MAX_SCRYPT_WORK_BYTES = 256 * 1024 * 1024

let nobleScrypt: Promise<typeof import('@noble/hashes/scrypt.js')> | undefined

/** scrypt's cost parameters: `N` a power of two, block size `r`, parallelism `p`. */
export interface ScryptParams {
  N: number
  r: number
  p: number
  dkLen: number
}

/**
 * Throws `InvalidHashError` for scrypt parameters that are not valid or would exhaust a
 * Worker. A verifier calls it while it parses its hash, before `deriveScrypt`.
 */
export function checkScryptParams({ N, r, p }: Omit<ScryptParams, 'dkLen'>): void {
  const isPowerOfTwo = Number.isSafeInteger(N) && N > 1 && (N & (N - 1)) === 0
  if (!isPowerOfTwo || !Number.isSafeInteger(r) || r < 1 || !Number.isSafeInteger(p) || p < 1) {
    throw new InvalidHashError('scrypt parameters are malformed: N must be a power of two')
  }
  const tableBytes = 128 * r * N
  if (tableBytes > MAX_SCRYPT_MEMORY_BYTES || p > MAX_SCRYPT_PARALLELISM) {
    throw new InvalidHashError(
      `scrypt N=${N}, r=${r}, p=${p} is above the limit of ` +
        `${MAX_SCRYPT_MEMORY_BYTES / 1024 / 1024} MiB for 128·N·r and p <= ${MAX_SCRYPT_PARALLELISM}`,
    )
  }
  if (tableBytes * p > MAX_SCRYPT_WORK_BYTES) {
    throw new InvalidHashError(
      `scrypt N=${N}, r=${r}, p=${p} is above the work limit of ` +
        `${MAX_SCRYPT_WORK_BYTES / 1024 / 1024} MiB for 128·N·r·p`,
    )
  }
}

/**
 * scrypt with Node's native implementation on Node, @noble/hashes in Workers, for
 * parameters that passed `checkScryptParams`.
 */
export async function deriveScrypt(
  password: Uint8Array,
  salt: Uint8Array,
  params: ScryptParams,
): Promise<Uint8Array> {
  const { N, r, p, dkLen } = params
  // scrypt keeps a table of N blocks of 128 * r bytes. Its p input blocks and two working
  // blocks come on top: at most 18 more, 18 KiB at passlib's r = 8.
  const maxmem = 128 * r * N + 128 * r * (p + 2) + 1024 * 1024
  const node = nodeCrypto()
  if (node) {
    return new Promise((resolve, reject) => {
      node.scrypt(password, salt, dkLen, { N, r, p, maxmem }, (error, key) =>
        error ? reject(error) : resolve(new Uint8Array(key)),
      )
    })
  }
  // Only runtimes without Node's scrypt import the pure-JS one, and only on first use.
  nobleScrypt ??= import('@noble/hashes/scrypt.js')
  const { scryptAsync } = await nobleScrypt
  return scryptAsync(password, salt, { N, r, p, dkLen, maxmem })
}
