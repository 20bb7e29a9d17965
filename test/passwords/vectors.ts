import { readFileSync } from 'node:fs'
import type { PasswordVector } from './vector-suite'

const vectorsUrl = new URL('../../../shared/vectors/password-hashes.json', import.meta.url)

/** Hashes made by independent implementations, from the folder beside the project. */
export function sharedVectors(formatPrefix: string): PasswordVector[] {
  const { vectors } = JSON.parse(readFileSync(vectorsUrl, 'utf8')) as { vectors: PasswordVector[] }
  return vectors.filter((vector) => vector.format.startsWith(formatPrefix))
}
