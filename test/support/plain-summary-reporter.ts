import type { Reporter, TestModule } from 'vitest/node'

/**
 * Ends a run with one plain line, `tests: N passed, N failed, N skipped`, that any CI can
 * read without knowing vitest's own summary format.
 */
export default class PlainSummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const counts = { passed: 0, failed: 0, skipped: 0, pending: 0 }
    for (const testModule of testModules) {
      for (const test of testModule.children.allTests()) counts[test.result().state] += 1
    }
    console.log(
      `tests: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`,
    )
  }
}
