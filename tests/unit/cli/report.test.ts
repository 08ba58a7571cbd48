/** The summary table the CLI prints. */
import { describe, expect, it } from 'vitest';
import { summaryTable } from '../../../src/lab/cli/report';

describe('summaryTable', () => {
  it('has one row per arm, a column per key any arm has, and a dash where a key does not apply', () => {
    const table = summaryTable({
      standard: { diverged: true, divergedAt: 12 },
      batchnorm: { diverged: false, finalLoss: 0.153456, testAccuracy: 0.9 },
    });
    expect(table.split('\n')).toEqual([
      'arm        diverged  divergedAt  finalLoss  testAccuracy',
      'standard   true      12          –          –',
      'batchnorm  false     –           0.1535     0.9000',
    ]);
  });
});
