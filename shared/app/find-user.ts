import { WebhookError } from '../protocol/errors'
import { MAX_IDENTIFIER_LENGTH, normalizeIdentifier } from '../store/identifier'
import type { UserRecord, UserStore } from '../store/user-store'

/**
 * Looks a username up, normalized, within `timeoutMs`. A store that throws or does not
 * answer in time becomes a 503: an unanswered lookup must never read as "not_exists".
 * A username longer than any stored identifier is unknown without a lookup: DynamoDB
 * (2,048 bytes) and Workers KV (512) refuse such keys, which would read as an outage.
 */
export function findUser(
  store: UserStore,
  username: string,
  timeoutMs: number,
): Promise<UserRecord | undefined> {
  const identifier = normalizeIdentifier(username)
  if (identifier.length > MAX_IDENTIFIER_LENGTH) return Promise.resolve(undefined)

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
      store.findUser(identifier).then((user) => {
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
