import { buildChecks, runChecks } from './checks'
import { createMasker, printableUrl } from './mask'
import { parseOptions } from './options'
import { renderJson } from './render-json'
import { renderTable } from './render-table'
import { USAGE } from './usage'
import { UsageError } from './usage-error'
import { basicAuthorization } from './webhook-call'

/** Where the checker writes; the CLI passes the process streams, tests collect the text. */
export interface CheckerOutput {
  stdout(text: string): void
  stderr(text: string): void
}

/** Exit codes: 0 every check passed, 1 one failed, 2 the checker was called wrongly. */
export const EXIT = { passed: 0, failed: 1, usage: 2 } as const

/** Runs the webhook checker as the command line does and returns its exit code. */
export async function runChecker(
  argv: string[],
  env: Record<string, string | undefined>,
  output: CheckerOutput,
): Promise<number> {
  let options: ReturnType<typeof parseOptions>
  try {
    options = parseOptions(argv, env)
  } catch (error) {
    if (!(error instanceof UsageError)) throw error
    output.stderr(`corbado-webhook-check: ${error.message}\nRun with --help for usage.\n`)
    return EXIT.usage
  }
  if (options === 'help') {
    output.stdout(USAGE)
    return EXIT.passed
  }

  const mask = createMasker([
    options.password,
    options.validPassword,
    `${options.username}:${options.password}`,
    basicAuthorization(options.username, options.password).slice('Basic '.length),
  ])
  const results = await runChecks(buildChecks(options), options, mask)

  // Only what the server sent is masked (in runChecks): masking the whole output would
  // also blank a check's name wherever a short password happens to be a word in it.
  const render = options.isJson ? renderJson : renderTable
  output.stdout(render(results, printableUrl(options.url), options.budgetMs))
  return results.every((result) => result.isPassed) ? EXIT.passed : EXIT.failed
}
