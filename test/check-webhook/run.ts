import { afterEach } from 'vitest'
import { runChecker } from '../../infra/check-webhook/run-checker'
import {
  type Faults,
  REFERENCE,
  type RunningServer,
  startReferenceServer,
} from './reference-server'

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

/**
 * Gives the tests of one file a reference server each, closed after the test. Call it once
 * at the top of the file: it registers the `afterEach` that closes the server.
 */
export function useReferenceServer() {
  let server: RunningServer | undefined
  afterEach(async () => {
    await server?.close()
    server = undefined
  })

  async function startServer(faults: Faults = {}): Promise<RunningServer> {
    server = await startReferenceServer(faults)
    return server
  }

  /** Runs the checker with `--json` against a reference server broken by `faults`. */
  async function checkServer(faults: Faults, extra: string[] = []) {
    const { url } = await startServer(faults)
    return check(referenceArgs(url, ['--json', ...extra]))
  }

  return { startServer, checkServer }
}
