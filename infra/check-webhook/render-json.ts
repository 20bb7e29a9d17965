import type { CheckResult } from './checks'

/** The results for machines: one JSON document, `isPassed` at the top for a quick test. */
export function renderJson(results: CheckResult[], target: string, budgetMs: number): string {
  const isPassed = results.every((result) => result.isPassed)
  return `${JSON.stringify({ url: target, budgetMs, isPassed, checks: results }, null, 2)}\n`
}
