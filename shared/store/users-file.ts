import {
  InvalidHashError,
  type PasswordVerifier,
  UnsupportedHashError,
} from '../passwords/verifier'
import { checkHash } from '../passwords/verify-password'
import { identifiersOf, parseUserRecord, UserRecordError } from './user-record'
import type { UserRecord } from './user-store'

/** A refused row: its zero-based index in the file and the reason. */
export interface RefusedRow {
  index: number
  reason: string
}

export interface ParsedUsers {
  users: UserRecord[]
  refused: RefusedRow[]
}

/** The fields of a row of a users file, as `UserRecord` names them; no others are read. */
export const USER_FIELDS = [
  'username',
  'aliases',
  'passwordHash',
  'status',
] as const satisfies readonly (keyof UserRecord)[]

/** Whether a users file's key or column names one of `USER_FIELDS`. */
export function isUserField(name: string): boolean {
  return (USER_FIELDS as readonly string[]).includes(name)
}

// A name of this shape is quoted in messages. Anything else is left out: a file without
// a header row, or a row shifted by a stray comma, can give a hash, an address or a
// password as a name. No digits, so a short hex hash (MySQL's 16 characters, say) is
// never quoted.
const FIELD_NAME_SHAPE = /^[A-Za-z_][A-Za-z_ -]{0,23}$/

/** A field or column name for a message: quoted if it looks like a name, else `undefined`. */
export function quotedFieldName(name: string): string | undefined {
  return FIELD_NAME_SHAPE.test(name) ? `"${name}"` : undefined
}

export interface ParseUsersOptions {
  /**
   * The verifiers the webhook will run. When given, a row whose `passwordHash` none of
   * them knows, or whose verifier's `check` refuses it (cut short, past a limit), is
   * refused, so a hash that could never be checked is found at load instead of at a
   * user's sign-in, without hashing anything. Without it, hashes are not looked at.
   */
  verifiers?: readonly PasswordVerifier[]
  /** Lets through a hash none of `verifiers` knows, for a verifier a fork adds in code. */
  isUnknownHashKept?: boolean
  /** How a refusal names another row, such as a CSV file's line. Default `row N`. */
  describeRow?: (index: number) => string
  /**
   * Why the store being written cannot hold a user that is otherwise good (a key over
   * its limit, say), or `undefined`; such a row is refused with that reason.
   */
  refusalOf?: (user: UserRecord) => string | undefined
}

/**
 * Reads the rows of a users file (already parsed from JSON or CSV) into normalized user
 * records. A bad row is refused with its index and reason and the rest are kept; so is a
 * row with a field outside `USER_FIELDS` (a misspelt `password_hash` would otherwise be
 * dropped, and the user written without a hash), and a row whose username or alias
 * another row already claimed, its reason naming that row by `describeRow` (a CSV file's
 * line, say).
 */
export function parseUsers(rows: readonly unknown[], options: ParseUsersOptions = {}): ParsedUsers {
  const {
    verifiers,
    isUnknownHashKept,
    describeRow = (index) => `row ${index}`,
    refusalOf,
  } = options
  const users: UserRecord[] = []
  const refused: RefusedRow[] = []
  const claimedBy = new Map<string, number>()

  rows.forEach((row, index) => {
    try {
      checkFieldNames(row)
      const user = parseUserRecord(row)
      const hash = user.passwordHash
      if (verifiers && hash !== undefined) refuseUnusableHash(hash, verifiers, isUnknownHashKept)
      const refusal = refusalOf?.(user)
      if (refusal !== undefined) throw new UserRecordError(refusal)
      const taken = identifiersOf(user).find((id) => claimedBy.has(id))
      const claimant = taken === undefined ? undefined : claimedBy.get(taken)
      if (claimant !== undefined) {
        throw new UserRecordError(`an identifier is already used by ${describeRow(claimant)}`)
      }
      for (const id of identifiersOf(user)) claimedBy.set(id, index)
      users.push(user)
    } catch (error) {
      if (!(error instanceof UserRecordError)) throw error
      refused.push({ index, reason: error.message })
    }
  })

  return { users, refused }
}

// Stored records may carry more attributes (parseUserRecord ignores them, so a store read
// keeps working); a users file is what a person wrote, so a name it gives must mean something.
function checkFieldNames(row: unknown): void {
  if (typeof row !== 'object' || row === null || Array.isArray(row)) return
  const unknown = Object.keys(row).filter((key) => !isUserField(key))
  if (unknown.length > 0) {
    const named = unknown.map((key) => quotedFieldName(key) ?? 'a key that is no field name')
    const verb = unknown.length === 1 ? 'is not a field' : 'are not fields'
    throw new UserRecordError(
      `${named.join(', ')} ${verb}; the fields are ${USER_FIELDS.join(', ')}`,
    )
  }
  // The schema's own words for this are "Invalid key: Expected "username" but received undefined".
  if (!('username' in row)) throw new UserRecordError('username is missing')
}

function refuseUnusableHash(
  hash: string,
  verifiers: readonly PasswordVerifier[],
  isUnknownKept = false,
): void {
  try {
    checkHash(hash, verifiers)
  } catch (error) {
    if (error instanceof UnsupportedHashError) {
      if (isUnknownKept) return
      throw new UserRecordError('passwordHash is in a format no verifier knows')
    }
    // The verifiers' messages name the fault, never any part of the hash.
    if (error instanceof InvalidHashError) {
      throw new UserRecordError(`passwordHash cannot be used: ${error.message}`)
    }
    throw error
  }
}

/** "1 user", "2 users": a count of users as the local server and the import print it. */
export function countOfUsers(count: number): string {
  return `${count} ${count === 1 ? 'user' : 'users'}`
}
