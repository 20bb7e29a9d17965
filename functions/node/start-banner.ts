import { countOfUsers } from '../../shared/store/users-file'
import type { NodeServerConfig } from './config'

/**
 * What the local server prints at start. Demo credentials are printed because they are
 * public anyway; credentials from the environment never are.
 */
export function startBanner(config: NodeServerConfig, port: number): string {
  const host = config.host.includes(':') ? `[${config.host}]` : config.host
  const url = `http://${host}:${port}`
  const lines = [
    `Corbado webhook listening on ${url}/webhook (${countOfUsers(config.users.length)})`,
  ]

  if (config.isDemoUsers) {
    lines.push('Demo users: existing@existing.com / supersecret, blocked@existing.com (blocked)')
  }
  if (config.isDemoCredentials) {
    const { username, password } = config.credentials
    lines.push(
      `Demo webhook credentials: ${username} / ${password} (set WEBHOOK_USERNAME and WEBHOOK_PASSWORD for real ones)`,
      'Try it:',
      `  curl -s -u '${username}:${password}' -H 'X-Corbado-Action: passwordVerify' \\`,
      `    -H 'Content-Type: application/json' ${url}/webhook \\`,
      `    -d '{"id":"who-1234567890","projectID":"pro-1234567890","action":"passwordVerify","data":{"username":"existing@existing.com","password":"supersecret"}}'`,
    )
  }
  return lines.join('\n')
}
