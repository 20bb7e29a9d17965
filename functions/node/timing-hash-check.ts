import type { PasswordVerifier } from '../../shared/passwords/verifier'
import type { UserRecord } from '../../shared/store/user-store'

const BCRYPT_COST = /^\$2[abxy]?\$(\d\d)\$/

/** A hash's verifier family, with bcrypt's cost: `bcrypt cost 10`, `argon2`. No hash content. */
function kindOf(hash: string, verifiers: readonly PasswordVerifier[]): string {
  const name = verifiers.find((verifier) => verifier.matches(hash))?.name ?? 'unknown'
  const cost = name === 'bcrypt' ? BCRYPT_COST.exec(hash)?.[1] : undefined
  return cost === undefined ? name : `bcrypt cost ${Number(cost)}`
}

/**
 * Says so when most users' hashes are of another family or bcrypt cost than the timing
 * hash, which `passwordVerify` checks for an unknown user: unknown users would then answer
 * faster or slower than known ones, and the difference tells a caller which names exist.
 * Returns `undefined` when they match or no user has a hash.
 */
export function timingHashMismatch(
  users: readonly UserRecord[],
  timingHash: string,
  verifiers: readonly PasswordVerifier[],
): string | undefined {
  const counts = new Map<string, number>()
  for (const { passwordHash } of users) {
    if (passwordHash === undefined) continue
    const kind = kindOf(passwordHash, verifiers)
    counts.set(kind, (counts.get(kind) ?? 0) + 1)
  }
  const hashed = [...counts.values()].reduce((sum, count) => sum + count, 0)
  const timingKind = kindOf(timingHash, verifiers)
  if (hashed === 0 || (counts.get(timingKind) ?? 0) * 2 > hashed) return undefined

  const [commonest, count] = [...counts].sort((a, b) => b[1] - a[1])[0] as [string, number]
  return (
    `${count} of ${hashed} users' hashes are ${commonest} but the timing hash is ${timingKind}, ` +
    'so unknown users answer passwordVerify in a different time than known ones. ' +
    "Set TIMING_HASH to a hash, in your users' format and cost, of a random password nobody knows."
  )
}
