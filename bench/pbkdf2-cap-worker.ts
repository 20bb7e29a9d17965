import { pbkdf2Async } from '@noble/hashes/pbkdf2.js'
import { sha256 } from '@noble/hashes/sha2.js'
import { derivePbkdf2, type Pbkdf2Hash } from '../shared/passwords/pbkdf2-derive'
import { continuedPbkdf2 } from './hashes-primitives'

/** One timed derivation: the hash, its iterations and the way it is computed. */
export interface CapCase {
  hash: Pbkdf2Hash
  iterations: number
  way: 'project' | 'webcrypto-hmac' | 'noble'
}

/** A case and its fastest run, in milliseconds. */
export interface CapResult extends CapCase {
  ms: number
}

const LENGTH_BYTES = { 'SHA-1': 20, 'SHA-256': 32, 'SHA-512': 64 }
const RUNS = 2

// workerd freezes its clock while JavaScript runs; a zero timer lets it catch up.
const settle = () => new Promise((resolve) => setTimeout(resolve, 0))

function derive({ hash, iterations, way }: CapCase): Promise<unknown> {
  const password = new TextEncoder().encode('correct horse battery staple')
  const salt = new TextEncoder().encode('a salt of 22 bytes....')
  const length = LENGTH_BYTES[hash]
  if (way === 'project') return derivePbkdf2(hash, password, salt, iterations, length)
  if (way === 'noble') return pbkdf2Async(sha256, password, salt, { c: iterations, dkLen: length })
  return continuedPbkdf2(hash, password, salt, iterations, length, 'webcrypto')
}

/**
 * Times PBKDF2 past WebCrypto's cap inside workerd, as a Worker's verifier runs it and as
 * the alternatives would; `?cases=` holds the cases as JSON.
 */
export default {
  async fetch(request: Request): Promise<Response> {
    const cases = JSON.parse(new URL(request.url).searchParams.get('cases') ?? '[]') as CapCase[]
    const results: CapResult[] = []
    for (const entry of cases) {
      let fastest = Number.POSITIVE_INFINITY
      for (let run = 0; run < RUNS; run++) {
        await settle()
        const start = performance.now()
        await derive(entry)
        await settle()
        fastest = Math.min(fastest, performance.now() - start)
      }
      results.push({ ...entry, ms: fastest })
    }
    return Response.json(results)
  },
}
