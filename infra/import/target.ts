import type { UserRecord } from '../../shared/store/user-store'

/** Where the import tool writes users. Writing the same user twice leaves one copy. */
export interface ImportTarget {
  /** The most users one `write` call takes. */
  readonly batchSize: number
  /**
   * Writes a batch of normalized users; throws if any of them was not written. A backend
   * that can accept part of a batch (DynamoDB's `BatchWriteItem`) retries the rest first.
   */
  write(users: readonly UserRecord[]): Promise<void>
  /**
   * Why this backend cannot hold `user`, or `undefined`. The import refuses such a row
   * with the others it refuses, before writing anything; the reason names the field and
   * never quotes a value.
   */
  refusalOf?(user: UserRecord): string | undefined
  /** Releases connections or flushes pending work; optional. */
  close?(): Promise<void>
}

/** A user's string fields with their names, for refusals that must name a field. */
export function namedFieldsOf(user: UserRecord): [field: string, value: string][] {
  const fields: [string, string][] = [['username', user.username]]
  for (const alias of user.aliases ?? []) fields.push(['aliases', alias])
  if (user.passwordHash !== undefined) fields.push(['passwordHash', user.passwordHash])
  return fields
}
