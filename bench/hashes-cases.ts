import { sha256, sha512 } from '@noble/hashes/sha2.js'
import bcrypt from 'bcryptjs'
import sharedVectors from '../../shared/vectors/password-hashes.json'
import { decodeAdaptedBase64, decodeBase64 } from '../shared/passwords/base64'
import { concatBytes, utf8 } from '../shared/passwords/bytes'
import { createFirebaseScryptVerifier } from '../shared/passwords/firebase-scrypt'
import { md5CryptDigest } from '../shared/passwords/md5-crypt'
import { phpassDigest } from '../shared/passwords/phpass'
import { shaCryptDigest } from '../shared/passwords/sha-crypt'
import type { PasswordVerifier } from '../shared/passwords/verifier'
import { defaultVerifiers } from '../shared/passwords/verifiers'
import { verifyPassword } from '../shared/passwords/verify-password'
import extraVectors from '../test/vectors/extra-hashes.json'
import { bareArgon2, bareDigest, barePbkdf2, bareScrypt } from './hashes-primitives'

/** One format: the full verification and the bare primitive call it rests on. */
export interface BenchCase {
  format: string
  primitive: string
  verify: () => Promise<unknown>
  bare: () => Promise<unknown>
}

type Bare = (password: string, hash: string) => Promise<unknown>

const bcryptHash: Bare = (password, hash) => bcrypt.hash(password, hash.slice(0, 29))
const djangoPbkdf2: Bare = (password, hash) => {
  const [algorithm, iterations, salt, key] = hash.split('$') as string[]
  const sha = algorithm === 'pbkdf2_sha1' ? 'SHA-1' : 'SHA-256'
  const length = decodeBase64(key as string, 'key').length
  return barePbkdf2(sha, utf8(password), utf8(salt as string), Number(iterations), length)
}
const passlibPbkdf2: Bare = (password, hash) => {
  const [, name, rounds, salt] = hash.split('$') as string[]
  const sha = name === 'pbkdf2-sha512' ? 'SHA-512' : name === 'pbkdf2' ? 'SHA-1' : 'SHA-256'
  const length = { 'SHA-1': 20, 'SHA-256': 32, 'SHA-512': 64 }[sha]
  const saltBytes = decodeAdaptedBase64(salt as string, 'salt')
  return barePbkdf2(sha, utf8(password), saltBytes, Number(rounds), length)
}
const aspnetV3: Bare = (password, hash) => {
  const bytes = decodeBase64(hash, 'hash')
  const view = new DataView(bytes.buffer)
  const sha = (['SHA-1', 'SHA-256', 'SHA-512'] as const)[view.getUint32(1)] ?? 'SHA-1'
  return barePbkdf2(sha, utf8(password), bytes.slice(13, 29), view.getUint32(5), 32)
}
const crypt: Bare = async (password, hash) => {
  const [, id, roundsOrSalt, maybeSalt] = hash.split('$') as string[]
  const hasRounds = roundsOrSalt?.startsWith('rounds=')
  const salt = utf8((hasRounds ? maybeSalt : roundsOrSalt) as string)
  const rounds = hasRounds ? Number(roundsOrSalt?.slice(7)) : 5000
  if (id === '1' || id === 'apr1') return md5CryptDigest(utf8(password), utf8(`$${id}$`), salt)
  return shaCryptDigest(id === '5' ? sha256 : sha512, utf8(password), salt, rounds)
}
const phpass: Bare = async (password, hash) =>
  phpassDigest(utf8(password), utf8(hash.slice(4, 12)), './0123456789'.indexOf(hash[3] as string))
const ldap: Bare = (password, hash) => {
  const scheme = hash.slice(1, hash.indexOf('}')).replace(/^S/, '').replace('SHA', 'SHA-')
  const algorithm = scheme === 'SHA-' ? 'SHA-1' : scheme === 'MD5' ? 'MD5' : scheme
  return bareDigest(algorithm as 'MD5', concatBytes(utf8(password), new Uint8Array(8)))
}
const scrypt: Bare = (password, hash) => {
  const [, , params, salt] = hash.split('$') as string[]
  const [ln, r, p] = (params as string).split(',').map((pair) => Number(pair.split('=')[1]))
  return bareScrypt(
    utf8(password),
    decodeBase64(salt as string, 'salt'),
    2 ** (ln as number),
    r as number,
    p as number,
  )
}
const firebase: Bare = (password) => bareScrypt(utf8(password), new Uint8Array(13), 2 ** 14, 8, 1)

// Format name in the vector files, and the bare primitive to compare it with.
const PRIMITIVES: [string, string, Bare][] = [
  ['bcrypt-2b', 'bcryptjs hash', bcryptHash],
  [
    'bcrypt-sha256-django',
    'bcryptjs hash',
    (password, hash) => bcryptHash(password, hash.slice('bcrypt_sha256$'.length)),
  ],
  ['wordpress-bcrypt', 'bcryptjs hash', (password, hash) => bcryptHash(password, hash.slice(3))],
  ['argon2id', 'noble argon2', (password, hash) => bareArgon2(password, hash)],
  ['argon2d', 'noble argon2', (password, hash) => bareArgon2(password, hash)],
  ['scrypt-passlib', 'scrypt', scrypt],
  ['firebase-scrypt', 'scrypt', firebase],
  ['pbkdf2-sha256-passlib', 'PBKDF2', passlibPbkdf2],
  ['pbkdf2-sha512-passlib', 'PBKDF2', passlibPbkdf2],
  ['pbkdf2-sha256-django', 'PBKDF2', djangoPbkdf2],
  ['aspnet-identity-v3-sha512', 'PBKDF2', aspnetV3],
  ['phpass-wordpress', 'phpass MD5 loop', phpass],
  ['sha512-crypt', 'sha-crypt digest', crypt],
  ['sha256-crypt', 'sha-crypt digest', crypt],
  ['md5-crypt', 'md5-crypt digest', crypt],
  ['ldap-ssha', 'SHA-1 digest', ldap],
  ['ldap-ssha512', 'SHA-512 digest', ldap],
  ['ldap-smd5', 'MD5 digest', ldap],
]

/** The benchmark cases: the first vector of each format above. */
export function benchCases(): BenchCase[] {
  const verifiers: PasswordVerifier[] = [
    ...defaultVerifiers,
    createFirebaseScryptVerifier(extraVectors.firebase),
  ]
  const vectors = [...sharedVectors.vectors, ...extraVectors.vectors]
  return PRIMITIVES.map(([format, primitive, bare]) => {
    const vector = vectors.find((entry) => entry.format === format)
    if (!vector) {
      throw new Error(`no vector of format ${format}`)
    }
    return {
      format,
      primitive,
      verify: () => verifyPassword(vector.password, vector.hash, verifiers),
      bare: () => bare(vector.password, vector.hash),
    }
  })
}
