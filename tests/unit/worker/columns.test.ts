/** Records → aligned per-arm columns: the CLI's JSON "arms" and the site's chart series. */
import { describe, expect, it } from 'vitest';
import { appendRecords, toColumns } from '../../../src/lab/worker/columns';

describe('toColumns', () => {
  it('aligns every metric with the step column, NaN where a metric was not measured', () => {
    const columns = toColumns([
      { arm: 'a', step: 0, metrics: { loss: 2, probe: 5 } },
      { arm: 'b', step: 0, metrics: { loss: 3 } },
      { arm: 'a', step: 1, metrics: { loss: 1.5 } },
      { arm: 'b', step: 1, metrics: { loss: 2.5 } },
      { arm: 'a', step: 2, metrics: { loss: 1, probe: 4 } },
    ]);
    expect(columns).toEqual({
      a: { step: [0, 1, 2], loss: [2, 1.5, 1], probe: [5, Number.NaN, 4] },
      b: { step: [0, 1], loss: [3, 2.5] },
    });
  });

  it('back-fills a metric that first appears late', () => {
    const columns = toColumns([
      { arm: 'a', step: 0, metrics: { loss: 2 } },
      { arm: 'a', step: 10, metrics: { loss: 1, testAccuracy: 0.9 } },
    ]);
    expect(columns.a).toEqual({ step: [0, 10], loss: [2, 1], testAccuracy: [Number.NaN, 0.9] });
  });

  it('merges records of one arm at the step just appended', () => {
    const columns = toColumns([
      { arm: 'a', step: 3, metrics: { loss: 2 } },
      { arm: 'a', step: 3, metrics: { icsCos: 0.5 } },
    ]);
    expect(columns.a).toEqual({ step: [3], loss: [2], icsCos: [0.5] });
  });

  it('gives the same columns whether records arrive at once or in batches', () => {
    const records = Array.from({ length: 9 }, (_, i) => ({ arm: i % 2 ? 'x' : 'y', step: Math.floor(i / 2), metrics: { v: i, ...(i % 3 === 0 && { w: -i }) } }));
    const streamed = {};
    for (let i = 0; i < records.length; i += 4) appendRecords(streamed, records.slice(i, i + 4));
    expect(streamed).toEqual(toColumns(records));
  });

  it('writes unmeasured entries as null in JSON', () => {
    const json = JSON.stringify(toColumns([
      { arm: 'a', step: 0, metrics: { loss: 1 } },
      { arm: 'a', step: 1, metrics: { loss: 0.5, probe: 2 } },
    ]));
    expect(json).toBe('{"a":{"step":[0,1],"loss":[1,0.5],"probe":[null,2]}}');
  });
});
