/**
 * The science project's file order: the replication shards first, then the rest in vitest's own order. The
 * project runs two files at a time, and a fresh clone has no timings from an earlier run, so vitest starts
 * the biggest files first, and the shards, four tiny files that each re-derive minutes of runs, went last:
 * two of them then ran side by side while the other files had long finished (563 s for 12 files whose
 * runs summed to 718 s, at load 5-9). Started first, the long shards overlap the short files instead.
 */
import { BaseSequencer, type TestSpecification } from 'vitest/node';

const isShard = (file: TestSpecification) => /replication-\dof\d\.test\.ts$/.test(file.moduleId);

export class ShardsFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    // Array.prototype.sort is stable: within each group vitest's order stands.
    return (await super.sort(files)).sort((a, b) => Number(isShard(b)) - Number(isShard(a)));
  }
}
