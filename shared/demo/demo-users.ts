import type { WebhookCredentials } from '../app/basic-auth'
import type { UserRecord } from '../store/user-store'

/**
 * Users for trying the webhook without data of your own. `existing@existing.com` with
 * `supersecret` is the pair Corbado's own examples use. Never deploy with these.
 */
export const DEMO_USERS: readonly UserRecord[] = [
  {
    username: 'existing@existing.com',
    aliases: ['+4915112345678'],
    // bcrypt, cost 10, of "supersecret"
    passwordHash: '$2b$10$WjX.C73GxmE7I0QFO8GlsOOm1yvsniuCQtruV.4eD5iK9wZRED2xG',
    status: 'active',
  },
  {
    username: 'blocked@existing.com',
    passwordHash: '$2b$10$WjX.C73GxmE7I0QFO8GlsOOm1yvsniuCQtruV.4eD5iK9wZRED2xG',
    status: 'blocked',
  },
  { username: 'passwordless@existing.com', status: 'active' },
]

/** Credentials the local server uses when none are set. Local use only. */
export const DEMO_CREDENTIALS: WebhookCredentials = {
  username: 'corbado',
  password: 'local-demo-password',
}
