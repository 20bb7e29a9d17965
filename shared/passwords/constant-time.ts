const encoder = new TextEncoder()

/**
 * Compares two byte strings in time that depends only on their lengths, never on where
 * they differ. Strings are compared as their UTF-8 bytes. Lengths are not secret here:
 * every caller compares digests or hashes of a length fixed by their format.
 */
export function constantTimeEqual(a: Uint8Array | string, b: Uint8Array | string): boolean {
  const left = typeof a === 'string' ? encoder.encode(a) : a
  const right = typeof b === 'string' ? encoder.encode(b) : b
  if (left.length !== right.length) {
    return false
  }

  let difference = 0
  for (let i = 0; i < left.length; i++) {
    difference |= (left[i] as number) ^ (right[i] as number)
  }
  return difference === 0
}
