import type { PasswordVerifier } from '../passwords/verifier'
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

export interface ParseUsersOptions {
  /**
   * The verifiers the webhook will run. When given, a row whose `passwordHash` none of
   * them `matches` is refused, so a hash that could never be checked is found at load
   * instead of at a user's sign-in. Without it, hashes are not looked at.
   */
  verifiers?: readonly Pick<PasswordVerifier, 'matches'>[]
  /** How a refusal names another row, such as a CSV file's line. Default `row N`. */
  describeRow?: (index: number) => string
}

/**
 * Reads the rows of a users file (already parsed from JSON or CSV) into normalized user
 * records. A bad row is refused with its index and reason and the rest are kept; so is a
 * row whose username or alias another row already claimed, its reason naming that row
 * by `describeRow` (a CSV file's line, say).
 */
export function parseUsers(rows: readonly unknown[], options: ParseUsersOptions = {}): ParsedUsers {
  const { verifiers, describeRow = (index) => `row ${index}` } = options
  const users: UserRecord[] = []
  const refused: RefusedRow[] = []
  const claimedBy = new Map<string, number>()

  rows.forEach((row, index) => {
    try {
      const user = parseUserRecord(row)
      const hash = user.passwordHash
      if (verifiers && hash !== undefined && !verifiers.some((it) => it.matches(hash))) {
        throw new UserRecordError('passwordHash is in a format no verifier knows')
      }
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
