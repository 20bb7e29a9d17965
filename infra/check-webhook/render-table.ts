import type { CheckKind, CheckResult } from './checks'

const SECTION_TITLES: Record<CheckKind, string> = {
  corbado: "Corbado's developer-panel test",
  protocol: 'Protocol checks',
}

/** The results as a table a person reads at a glance, failures explained below it. */
export function renderTable(results: CheckResult[], target: string, budgetMs: number): string {
  const nameWidth = Math.max(...results.map((result) => result.name.length))
  const lines = [`Webhook check of ${target} (budget ${budgetMs} ms per call)`]

  for (const kind of Object.keys(SECTION_TITLES) as CheckKind[]) {
    lines.push('', SECTION_TITLES[kind])
    for (const result of results.filter((item) => item.kind === kind)) {
      const verdict = result.isPassed ? 'PASS' : 'FAIL'
      const status = String(result.status ?? '---').padStart(3)
      const time = `${result.durationMs} ms`.padStart(9)
      lines.push(`  ${verdict}  ${result.name.padEnd(nameWidth)}  ${status}  ${time}`)
    }
  }

  const failures = results.filter((result) => !result.isPassed)
  if (failures.length > 0) lines.push('', 'Failures')
  failures.forEach((failure, index) => {
    lines.push(`${index + 1}. ${failure.name}`)
    for (const problem of failure.problems) lines.push(`   problem:  ${problem}`)
    lines.push(`   expected: ${failure.expected}`)
    lines.push(
      `   received: ${failure.received === '' ? '(empty body)' : oneLine(failure.received)}`,
    )
  })

  const passed = results.length - failures.length
  lines.push('', `${passed} of ${results.length} checks passed.`, '')
  return lines.join('\n')
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ')
}
