import { WebhookError } from '../protocol/errors'
import { normalizeIdentifier } from '../store/identifier'
import type { UserRecord, UserStore } from '../store/user-store'

/**
 * Looks a username up, normalized, within `timeoutMs`. A store that throws or does not
 * answer in time becomes a 503: an unanswered lookup must never read as "not_exists".
 */
export async function findUser(
  store: UserStore,
  username: string,
  timeoutMs: number,
): Promise<UserRecord | undefined> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`user store did not answer within ${timeoutMs} ms`)),
      timeoutMs,
    )
  })

  try {
    return await Promise.race([store.findUser(normalizeIdentifier(username)), deadline])
  } catch (error) {
    // A store that knows the fix (a missing binding, say) says so in its own message.
    if (error instanceof WebhookError) throw error
    throw new WebhookError(
      'store_unavailable',
      'The user store is unavailable; the answer is unknown, try again later.',
      { cause: error },
    )
  } finally {
    if (timer !== undefined) clearTimeout(timer)
  }
}
