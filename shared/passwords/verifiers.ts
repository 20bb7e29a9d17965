import { bcryptVerifier } from './bcrypt'
import type { PasswordVerifier } from './verifier'

/** Every hash format the webhook understands, tried in this order. */
export const defaultVerifiers: readonly PasswordVerifier[] = [bcryptVerifier]
