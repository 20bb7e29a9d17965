import type { UserRecord } from '../../shared/store/user-store'
/** Where the import tool writes users. Writing the same user twice leaves one copy. */
export interface ImportTarget {
  /** The most users one `write` call takes. */
  readonly batchSize: number
  /** Writes a batch of normalized users, retrying what the backend did not take; throws if some still fail. */
  write(users: readonly UserRecord[]): Promise<void>
  /** Releases connections or flushes pending work; optional. */
  close?(): Promise<void>
}
