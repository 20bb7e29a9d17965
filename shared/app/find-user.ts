import { WebhookError } from '../protocol/errors'
import { normalizeIdentifier } from '../store/identifier'
import type { UserRecord, UserStore } from '../store/user-store'

/**
 * Looks a username up, normalized, within `timeoutMs`. A store that throws or does not
 * answer in time becomes a 503: an unanswered lookup must never read as "not_exists".
 */
export function findUser(
  store: UserStore,
  username: string,
  timeoutMs: number,
): Promise<UserRecord | undefined> {
  // One promise settled by whichever comes first, the store or the timer, rather than
  // Promise.race over two: it allocates less on the path every call takes.
  return new Promise((resolve, reject) => {
    const fail = (cause: unknown) => {
      clearTimeout(timer)
      reject(storeFailure(cause))
    }
    const timer = setTimeout(
      () => fail(new Error(`user store did not answer within ${timeoutMs} ms`)),
      timeoutMs,
    )

    try {
      store.findUser(normalizeIdentifier(username)).then((user) => {
        clearTimeout(timer)
        resolve(user)
      }, fail)
    } catch (error) {
      fail(error)
    }
  })
}

function storeFailure(cause: unknown): WebhookError {
  // A store that knows the fix (a missing binding, say) says so in its own message.
  if (cause instanceof WebhookError) return cause
  return new WebhookError(
    'store_unavailable',
    'The user store is unavailable; the answer is unknown, try again later.',
    { cause },
  )
}
