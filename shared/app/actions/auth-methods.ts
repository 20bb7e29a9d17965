import type { AuthMethodsRequest, AuthMethodsStatus } from '../../protocol/entities'
import type { UserStore } from '../../store/user-store'
import { findUser } from '../find-user'

/** Answers whether the username exists and may sign in. */
export async function authMethods(
  request: AuthMethodsRequest,
  store: UserStore,
  storeTimeoutMs: number,
): Promise<AuthMethodsStatus> {
  const user = await findUser(store, request.data.username, storeTimeoutMs)
  if (!user) return 'not_exists'
  return user.status === 'blocked' ? 'blocked' : 'exists'
}
