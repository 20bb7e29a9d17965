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

/**
 * Reads the rows of a users file (already parsed from JSON or CSV) into normalized user
 * records. A bad row is refused with its index and reason and the rest are kept; so is a
 * row whose username or alias another row already claimed, its reason naming that row
 * by `describeRow` (a CSV file's line, say).
 */
export function parseUsers(
  rows: readonly unknown[],
  describeRow: (index: number) => string = (index) => `row ${index}`,
): ParsedUsers {
  const users: UserRecord[] = []
  const refused: RefusedRow[] = []
  const claimedBy = new Map<string, number>()

  rows.forEach((row, index) => {
    try {
      const user = parseUserRecord(row)
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
