// A vitest reporter that ends the run with the plain line CI reads: "tests: N passed, N failed, N skipped".
import type { Reporter, TestCase } from 'vitest/node';

export default class SummaryReporter implements Reporter {
  private passed = 0;
  private failed = 0;
  private skipped = 0;

  onTestCaseResult(test: TestCase): void {
    const state = test.result().state;
    if (state === 'passed') this.passed += 1;
    else if (state === 'failed') this.failed += 1;
    else this.skipped += 1;
  }

  onTestRunEnd(): void {
    const skipped = this.skipped > 0 ? `, ${this.skipped} skipped` : '';
    console.log(`\ntests: ${this.passed} passed, ${this.failed} failed${skipped}`);
  }
}
