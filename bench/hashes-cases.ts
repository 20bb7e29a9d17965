import bcrypt from 'bcryptjs'
import sharedVectors from '../../shared/vectors/password-hashes.json'
import { createFirebaseScryptVerifier } from '../shared/passwords/firebase-scrypt'
import type { PasswordVerifier } from '../shared/passwords/verifier'
import { defaultVerifiers } from '../shared/passwords/verifiers'
import { verifyPassword } from '../shared/passwords/verify-password'
import extraVectors from '../test/vectors/extra-hashes.json'
import {
  bareArgon2,
  bareCryptChain,
  bareDigest,
  bareMd5Chain,
  barePbkdf2,
  bareScrypt,
} from './hashes-primitives'

/** One format: the full verification and the bare primitive call it rests on. */
export interface BenchCase {
  format: string
  primitive: string
  verify: () => Promise<unknown>
  bare: () => Promise<unknown>
}

/**
 * Parses a vector's hash once, outside the timed calls, and returns the bare primitive
 * call with the parameters the verifier passes. Only the primitive is timed: the bench's
 * own parsing, encoding and copying would otherwise count as primitive time and hide the
 * verifier's.
 */
type Bare = (password: string, hash: string) => () => Promise<unknown>

// The parsing below is the bench's own, kept apart from the verifiers it measures.
const encoder = new TextEncoder()
const bytes = (text: string) => encoder.encode(text) as Uint8Array<ArrayBuffer>
const base64 = (text: string) =>
  Uint8Array.from(atob(text.replaceAll('.', '+')), (char) => char.charCodeAt(0))
const bytesLength = (text: string) => encoder.encode(text).length

const bcryptAfter =
  (prefix: number): Bare =>
  (password, hash) => {
    const salt = hash.slice(prefix, prefix + 29)
    return () => bcrypt.hash(password, salt)
  }

const djangoPbkdf2: Bare = (password, hash) => {
  const [algorithm, iterations, salt] = hash.split('$') as string[]
  const sha = algorithm === 'pbkdf2_sha1' ? 'SHA-1' : 'SHA-256'
  const length = sha === 'SHA-1' ? 20 : 32
  const [key, saltBytes] = [bytes(password), bytes(salt as string)]
  return () => barePbkdf2(sha, key, saltBytes, Number(iterations), length)
}
const passlibPbkdf2: Bare = (password, hash) => {
  const [, name, rounds, salt] = hash.split('$') as string[]
  const sha = name === 'pbkdf2-sha512' ? 'SHA-512' : name === 'pbkdf2' ? 'SHA-1' : 'SHA-256'
  const length = { 'SHA-1': 20, 'SHA-256': 32, 'SHA-512': 64 }[sha]
  const [key, saltBytes] = [bytes(password), base64(salt as string)]
  return () => barePbkdf2(sha, key, saltBytes, Number(rounds), length)
}
const aspnet: Bare = (password, hash) => {
  const data = base64(hash)
  const view = new DataView(data.buffer)
  const key = bytes(password)
  if (data[0] === 0) {
    const salt = data.slice(1, 17)
    return () => barePbkdf2('SHA-1', key, salt, 1000, 32)
  }
  const sha = (['SHA-1', 'SHA-256', 'SHA-512'] as const)[view.getUint32(1)] ?? 'SHA-1'
  const [salt, iterations] = [data.slice(13, 29), view.getUint32(5)]
  return () => barePbkdf2(sha, key, salt, iterations, 32)
}
const crypt: Bare = (password, hash) => {
  const [, id, roundsOrSalt, maybeSalt] = hash.split('$') as string[]
  const hasRounds = roundsOrSalt?.startsWith('rounds=')
  const salt = bytesLength((hasRounds ? maybeSalt : roundsOrSalt) as string)
  const rounds = hasRounds
    ? Number(roundsOrSalt?.slice(7))
    : id === '1' || id === 'apr1'
      ? 1000
      : 5000
  const [name, size] =
    id === '6'
      ? (['sha512', 64] as const)
      : id === '5'
        ? (['sha256', 32] as const)
        : (['md5', 16] as const)
  const length = bytesLength(password)
  return async () => bareCryptChain(name, size, length, salt, rounds)
}
const phpass: Bare = (password, hash) => {
  const length = bytesLength(password)
  const count = 2 ** './0123456789ABCDEFGHIJ'.indexOf(hash[3] as string)
  return async () => bareMd5Chain(length, count)
}
const LDAP_HASHES = { sha: 'sha1', sha256: 'sha256', sha512: 'sha512', md5: 'md5' } as const
const LDAP_SIZES = { sha1: 20, sha256: 32, sha512: 64, md5: 16 }
const ldap: Bare = (password, hash) => {
  const scheme = hash.slice(1, hash.indexOf('}')).toLowerCase()
  const name = LDAP_HASHES[scheme.replace(/^s(?=sha|md5)/, '') as keyof typeof LDAP_HASHES]
  const salt = base64(hash.slice(hash.indexOf('}') + 1)).length - LDAP_SIZES[name]
  const data = new Uint8Array(bytesLength(password) + salt)
  return () => bareDigest(name, data)
}
const scrypt: Bare = (password, hash) => {
  const [, , params, salt] = hash.split('$') as string[]
  const [ln, r, p] = (params as string).split(',').map((pair) => Number(pair.split('=')[1]))
  const [key, saltBytes] = [bytes(password), base64(salt as string)]
  return () => bareScrypt(key, saltBytes, 2 ** (ln as number), r as number, p as number)
}
const firebase: Bare = (password, hash) => {
  const { saltSeparator, memCost, rounds } = extraVectors.firebase
  const key = bytes(password)
  // The verifier's scrypt salt is the user's salt followed by the project's separator.
  const saltBytes = new Uint8Array(
    base64(hash.split('$')[2] as string).length + base64(saltSeparator).length,
  )
  return () => bareScrypt(key, saltBytes, 2 ** memCost, rounds, 1)
}
const argon2: Bare = (password, hash) => bareArgon2(password, hash)

// Format name in the vector files, and the bare primitive to compare it with.
const PRIMITIVES: [string, string, Bare][] = [
  ['bcrypt-2a', 'bcryptjs hash', bcryptAfter(0)],
  ['bcrypt-2b', 'bcryptjs hash', bcryptAfter(0)],
  ['bcrypt-2y-php', 'bcryptjs hash', bcryptAfter(0)],
  ['bcrypt-django', 'bcryptjs hash', bcryptAfter('bcrypt$'.length)],
  ['bcrypt-sha256-django', 'bcryptjs hash', bcryptAfter('bcrypt_sha256$'.length)],
  ['wordpress-bcrypt', 'bcryptjs hash', bcryptAfter('$wp'.length)],
  ['argon2id', 'noble argon2', argon2],
  ['argon2i', 'noble argon2', argon2],
  ['argon2d', 'noble argon2', argon2],
  ['argon2id-v16', 'noble argon2', argon2],
  ['argon2id-django', 'noble argon2', argon2],
  ['scrypt-passlib', 'scrypt', scrypt],
  ['firebase-scrypt', 'scrypt', firebase],
  ['pbkdf2-sha1-passlib', 'PBKDF2', passlibPbkdf2],
  ['pbkdf2-sha256-passlib', 'PBKDF2', passlibPbkdf2],
  ['pbkdf2-sha512-passlib', 'PBKDF2', passlibPbkdf2],
  ['pbkdf2-sha256-django', 'PBKDF2', djangoPbkdf2],
  ['pbkdf2-sha1-django', 'PBKDF2', djangoPbkdf2],
  ['aspnet-identity-v2', 'PBKDF2', aspnet],
  ['aspnet-identity-v3-sha256', 'PBKDF2', aspnet],
  ['aspnet-identity-v3-sha512', 'PBKDF2', aspnet],
  ['phpass-wordpress', 'MD5 chain', phpass],
  ['phpass-phpbb', 'MD5 chain', phpass],
  ['sha512-crypt', 'SHA-512 chain', crypt],
  ['sha512-crypt-rounds', 'SHA-512 chain', crypt],
  ['sha256-crypt', 'SHA-256 chain', crypt],
  ['sha256-crypt-rounds', 'SHA-256 chain', crypt],
  ['md5-crypt', 'MD5 chain', crypt],
  ['md5-crypt-apr1', 'MD5 chain', crypt],
  ['ldap-sha', 'SHA-1 digest', ldap],
  ['ldap-ssha', 'SHA-1 digest', ldap],
  ['ldap-ssha256', 'SHA-256 digest', ldap],
  ['ldap-ssha512', 'SHA-512 digest', ldap],
  ['ldap-md5', 'MD5 digest', ldap],
  ['ldap-smd5', 'MD5 digest', ldap],
]

/** The benchmark cases: the first vector of each format above. */
export function benchCases(formats: readonly string[] = []): BenchCase[] {
  const verifiers: PasswordVerifier[] = [
    ...defaultVerifiers,
    createFirebaseScryptVerifier(extraVectors.firebase),
  ]
  const vectors = [...sharedVectors.vectors, ...extraVectors.vectors]
  const unknown = formats.filter((format) => !PRIMITIVES.some(([known]) => known === format))
  if (unknown.length > 0) {
    throw new Error(
      `no bench case for ${unknown.join(', ')}; see PRIMITIVES in bench/hashes-cases.ts`,
    )
  }
  const chosen = PRIMITIVES.filter(([format]) => formats.length === 0 || formats.includes(format))
  return chosen.map(([format, primitive, bare]) => {
    const vector = vectors.find((entry) => entry.format === format)
    if (!vector) {
      throw new Error(`no vector of format ${format}`)
    }
    return {
      format,
      primitive,
      verify: () => verifyPassword(vector.password, vector.hash, verifiers),
      bare: bare(vector.password, vector.hash),
    }
  })
}
