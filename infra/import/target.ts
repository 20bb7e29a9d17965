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
  /** Releases connections or flushes pending work; optional. */
  close?(): Promise<void>
}
