import { readFileSync } from 'node:fs'

export interface HashVector {
  format: string
  hash: string
  password: string
  wrong: string
}

const vectorsUrl = new URL('../../../shared/vectors/password-hashes.json', import.meta.url)

/** Hashes made by independent implementations, from the folder beside the project. */
export function sharedVectors(formatPrefix: string): HashVector[] {
  const { vectors } = JSON.parse(readFileSync(vectorsUrl, 'utf8')) as { vectors: HashVector[] }
  return vectors.filter((vector) => vector.format.startsWith(formatPrefix))
}
