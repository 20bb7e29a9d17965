import { nodeCrypto } from './node-crypto'

/** The SHA family as WebCrypto names it. */
export type ShaName = 'SHA-1' | 'SHA-256' | 'SHA-384' | 'SHA-512'

type Bytes = Uint8Array<ArrayBuffer>

// Node runs each WebCrypto call as a thread-pool job; for the short inputs hashed here its
// synchronous hashes answer without that round trip.
const toNodeName = (algorithm: ShaName) => algorithm.replace('-', '').toLowerCase()

/** A SHA digest: Node's own hash on Node, WebCrypto elsewhere; both native. */
export async function shaDigest(algorithm: ShaName, data: Bytes): Promise<Uint8Array> {
  const node = nodeCrypto()
  if (node) {
    return node.createHash(toNodeName(algorithm)).update(data).digest()
  }
  return new Uint8Array(await crypto.subtle.digest(algorithm, data))
}

/**
 * An HMAC under a fixed key: Node's own on Node, WebCrypto elsewhere. WebCrypto's key is
 * imported on the first call and kept, instead of on every call (about 3 µs in workerd,
 * half of the HMAC). The key object is kept rather than its promise, so no request
 * waits on a promise another request created.
 */
export function keyedHmac(algorithm: ShaName, key: Bytes): (data: Bytes) => Promise<Uint8Array> {
  let webcryptoKey: CryptoKey | undefined
  return async (data) => {
    const node = nodeCrypto()
    if (node) {
      return node.createHmac(toNodeName(algorithm), key).update(data).digest()
    }
    webcryptoKey ??= await crypto.subtle.importKey(
      'raw',
      key,
      { name: 'HMAC', hash: algorithm },
      false,
      ['sign'],
    )
    return new Uint8Array(await crypto.subtle.sign('HMAC', webcryptoKey, data))
  }
}
