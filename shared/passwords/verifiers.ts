import { argon2Verifier } from './argon2'
import { aspnetIdentityVerifier } from './aspnet-identity'
import { bcryptVerifier } from './bcrypt'
import { djangoBcryptVerifier } from './django-bcrypt'
import { djangoPbkdf2Verifier } from './django-pbkdf2'
import { ldapVerifier } from './ldap'
import { md5CryptVerifier } from './md5-crypt'
import { pbkdf2Verifier } from './pbkdf2'
import { phpassVerifier } from './phpass'
import { scryptVerifier } from './scrypt'
import { shaCryptVerifier } from './sha-crypt'
import type { PasswordVerifier } from './verifier'
import { wordpressBcryptVerifier } from './wordpress-bcrypt'

/**
 * Every hash format the webhook understands without configuration, tried in this order.
 * Each owns a distinct prefix, so the order only matters for speed: the most common
 * formats come first. Firebase's scrypt needs the project's keys: `verifiersFromEnv` adds
 * it from the `FIREBASE_*` settings.
 */
export const defaultVerifiers: readonly PasswordVerifier[] = [
  bcryptVerifier,
  argon2Verifier,
  wordpressBcryptVerifier,
  phpassVerifier,
  djangoPbkdf2Verifier,
  djangoBcryptVerifier,
  pbkdf2Verifier,
  scryptVerifier,
  shaCryptVerifier,
  md5CryptVerifier,
  ldapVerifier,
  aspnetIdentityVerifier,
]
