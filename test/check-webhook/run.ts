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

/** The names of the checks a `--json` run reports as failed. */
export function failedChecks(stdout: string): string[] {
  const report = JSON.parse(stdout) as { checks: { name: string; isPassed: boolean }[] }
  return report.checks.filter((item) => !item.isPassed).map((item) => item.name)
}

/** Every problem a `--json` run reports for one check. */
export function problemsOf(stdout: string, name: string): string[] {
  const report = JSON.parse(stdout) as { checks: { name: string; problems: string[] }[] }
  return report.checks.find((item) => item.name === name)?.problems ?? []
}
