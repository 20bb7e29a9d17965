import { runChecker } from '../../infra/check-webhook/run-checker'
import { REFERENCE } from './reference-server'

/** The flags that point the checker at a server holding the reference user and credential. */
export function referenceArgs(url: string, extra: string[] = []): string[] {
  return [
    '--url',
    url,
    '--auth',
    `${REFERENCE.username}:${REFERENCE.password}`,
    '--valid-user',
    REFERENCE.validUser,
    '--valid-password',
    REFERENCE.validPassword,
    '--unknown-user',
    REFERENCE.unknownUser,
    ...extra,
  ]
}

/** Runs the checker in this process and collects what it prints. */
export async function check(argv: string[], env: Record<string, string | undefined> = {}) {
  let stdout = ''
  let stderr = ''
  const exitCode = await runChecker(argv, env, {
    stdout: (text) => {
      stdout += text
    },
    stderr: (text) => {
      stderr += text
    },
  })
  return { exitCode, stdout, stderr }
}
