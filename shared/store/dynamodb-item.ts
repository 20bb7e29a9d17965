import type { AttributeValue } from '@aws-sdk/client-dynamodb'
import { identifiersOf } from './user-record'
import type { UserRecord } from './user-store'

/**
 * The users table's partition key. Every identifier of a user (the username and each
 * alias) gets its own item holding the whole user, so any identifier is one `GetItem`.
 * infra/dynamodb/users-table.json declares the same name.
 */
export const USERS_TABLE_KEY = 'identifier'

export type DynamoDbItem = Record<string, AttributeValue>

/** The items that store one user: one per identifier, each a full copy of the record. */
export function userToItems(user: UserRecord): DynamoDbItem[] {
  const body: DynamoDbItem = {
    username: { S: user.username },
    // A list, not a string set: a set cannot be empty and does not keep the order.
    aliases: { L: (user.aliases ?? []).map((alias) => ({ S: alias })) },
    status: { S: user.status },
  }
  if (user.passwordHash !== undefined) body.passwordHash = { S: user.passwordHash }

  return identifiersOf(user).map((id) => ({ [USERS_TABLE_KEY]: { S: id }, ...body }))
}

/**
 * Reads a stored item back into a user; `undefined` if it is not a well-formed user item:
 * one whose hash or aliases are there but hold something other than non-empty strings is
 * refused whole, as the KV and D1 stores refuse one, rather than read as a user without
 * them, which would answer a right password `success: false`.
 */
export function itemToUser(item: DynamoDbItem): UserRecord | undefined {
  const username = item.username?.S
  const status = item.status?.S
  if (username === undefined || (status !== 'active' && status !== 'blocked')) return undefined

  const user: UserRecord = { username, status }
  if (item.aliases !== undefined) {
    const aliases = item.aliases.L?.map((alias) => alias.S)
    if (aliases === undefined || !aliases.every(isFilled)) return undefined
    if (aliases.length > 0) user.aliases = aliases
  }
  if (item.passwordHash !== undefined) {
    const passwordHash = item.passwordHash.S
    if (!isFilled(passwordHash)) return undefined
    user.passwordHash = passwordHash
  }
  return user
}

function isFilled(value: string | undefined): value is string {
  return value !== undefined && value.trim() !== ''
}
