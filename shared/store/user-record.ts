import * as v from 'valibot'
import { MAX_IDENTIFIER_LENGTH, normalizeIdentifier } from './identifier'
import type { UserRecord } from './user-store'

const identifier = v.pipe(
  v.string('must be a string'),
  v.trim(),
  v.nonEmpty('must not be empty'),
  // Capped as stored, so that every stored identifier is one a lookup may ask for.
  v.transform(normalizeIdentifier),
  v.maxLength(MAX_IDENTIFIER_LENGTH, `must be at most ${MAX_IDENTIFIER_LENGTH} characters`),
)

const UserRecordSchema = v.object({
  username: identifier,
  aliases: v.optional(v.array(identifier, 'must be an array of strings')),
  passwordHash: v.optional(
    v.pipe(v.string('must be a string'), v.trim(), v.nonEmpty('must not be empty')),
  ),
  status: v.optional(v.picklist(['active', 'blocked'], 'must be "active" or "blocked"'), 'active'),
})

/** Why a row of a users file was refused. Never carries any part of a password hash. */
export class UserRecordError extends Error {
  override readonly name = 'UserRecordError'
}

/**
 * Checks one row of a users file and returns it with every identifier normalized.
 * Throws `UserRecordError` naming the field at fault; the message never quotes a value,
 * so a bad hash is not printed.
 */
export function parseUserRecord(input: unknown): UserRecord {
  const result = v.safeParse(UserRecordSchema, input)
  if (!result.success) {
    const issue = result.issues[0]
    const path = issue.path?.map((item) => item.key).join('.') || 'row'
    const reason = issue.path ? issue.message : 'must be an object with a username'
    throw new UserRecordError(`${path} ${reason}`)
  }

  // The schema has normalized every identifier.
  const { username, aliases, passwordHash, status } = result.output
  const record: UserRecord = { username, status }
  if (aliases?.length) {
    record.aliases = [...new Set(aliases)].filter((alias) => alias !== record.username)
  }
  if (passwordHash !== undefined) {
    record.passwordHash = passwordHash
  }
  return record
}

/** Every identifier a user signs in with: the username first, then the aliases. */
export function identifiersOf(user: UserRecord): string[] {
  return [user.username, ...(user.aliases ?? [])]
}
