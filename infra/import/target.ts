import type { UserRecord } from '../../shared/store/user-store'
/** Where the import tool writes users. Writing the same user twice leaves one copy. */
export interface ImportTarget {
  readonly batchSize: number
  write(users: readonly UserRecord[]): Promise<void>
  close?(): Promise<void>
}
