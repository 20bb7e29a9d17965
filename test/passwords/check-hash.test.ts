import { describe, expect, it } from 'vitest'
import sharedFile from '../../../shared/vectors/password-hashes.json'
import { verifiersFromEnv } from '../../shared/passwords/verifiers-from-env'
import { checkHash } from '../../shared/passwords/verify-password'
import extraFile from '../vectors/extra-hashes.json'
import emptyPasswordFile from './empty-password-vectors.json'
import { FIREBASE_ENV } from './format-users'
import longPasswordFile from './long-password-vectors.json'

// The verifiers of a deployment with Firebase's settings, as the import tool builds them.
const verifiers = verifiersFromEnv(FIREBASE_ENV)

const FILES = [
  ['shared', sharedFile],
  ['extra', extraFile],
  ['long password', longPasswordFile],
  ['empty password', emptyPasswordFile],
] as const

describe('checkHash on the vectors', () => {
  for (const [name, file] of FILES) {
    const cases = file.vectors.map((vector, index) => [vector.format, index, vector.hash] as const)

    it.each(cases)(`passes the ${name} vector of %s (#%i)`, (_, __, hash) => {
      const check = () => checkHash(hash, verifiers)

      expect(check).not.toThrow()
    })
  }
})
