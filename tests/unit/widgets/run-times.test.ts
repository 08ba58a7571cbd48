/**
 * The measured default-run times (src/site/run-times.json, written by `npm run bench`) cover exactly the
 * figures that train, and say when, where and in which browser they were measured.
 */
import { describe, expect, it } from 'vitest';
import runTimes from '../../../src/site/run-times.json';
import { WIDGETS } from '../../../src/widgets/catalog';
import { measuredRunSeconds } from '../../../src/widgets/run/run-times';

describe('run-times.json', () => {
  it('has a time for every figure that trains, and none for the others', () => {
    expect(Object.keys(runTimes.figures).sort()).toEqual(WIDGETS.filter((w) => w.experiment !== null).map((w) => w.slug).sort());
    for (const { slug, experiment } of WIDGETS) {
      if (experiment === null) expect(measuredRunSeconds(slug), slug).toBeNull();
      else expect(measuredRunSeconds(slug), slug).toBeGreaterThan(0);
    }
  });

  it('says when, on which machine and in which browser', () => {
    expect(runTimes.measuredOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(runTimes.machine).toMatch(/\d+ cores, load average [\d.]+ → [\d.]+$/);
    expect(runTimes.browser).toMatch(/^Chromium /);
  });
});
