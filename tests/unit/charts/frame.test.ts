/** The step charts' axes and layout rules: log ticks, the value range around a diverged arm, line-end labels. */
import { describe, expect, it } from 'vitest';
import { chartHeight, logTicks, powerOfTen, survivorDomain } from '../../../src/charts/frame';
import { drawingOrder, spreadLabels } from '../../../src/charts/line-chart';

describe('log axis ticks', () => {
  it('writes powers of ten plainly near 1 and with superscripts beyond', () => {
    expect([-5, -2, -1, 0, 1, 3, 6].map(powerOfTen)).toEqual(['10⁻⁵', '0.01', '0.1', '1', '10', '1,000', '10⁶']);
  });

  it('labels powers of ten only, thinned to at most five, so labels stay narrow and apart', () => {
    expect(logTicks([0.05, 20]).map((t) => t.label)).toEqual(['0.1', '1', '10']);
    const wide = logTicks([1e-7, 1e3]);
    expect(wide.length).toBeLessThanOrEqual(5);
    // Counted down from the top power, which is always labelled.
    expect(wide.map((t) => t.label)).toEqual(['10⁻⁶', '10⁻³', '1', '1,000']);
  });
});

describe('the value range of a chart with a diverged arm', () => {
  const survivor = { y: [2.3, 1.1, 0.4] };
  const diverged = { y: [2.3, 40, 1e15, Number.NaN], divergedAt: 3 };

  it('fits the arms that did not diverge, so a 1e15 does not flatten them', () => {
    expect(survivorDomain([survivor, diverged], true)).toEqual([0.4, 2.3]);
  });

  it('counts every arm when all diverged', () => {
    expect(survivorDomain([diverged], true)).toEqual([2.3, 1e15]);
  });
});

describe('layout', () => {
  it('keeps a chart compact: 150 px for a small multiple, 190 px on a phone, 210 px wider up', () => {
    expect([chartHeight(155), chartHeight(324), chartHeight(439)]).toEqual([150, 190, 210]);
  });

  it('draws the key arm last, on top', () => {
    expect(drawingOrder([{ id: 'a' }, { id: 'key' }, { id: 'b' }], 'key').map((s) => s.id)).toEqual(['a', 'b', 'key']);
  });

  it('pushes line-end labels apart without leaving the plot', () => {
    expect(spreadLabels([50, 52, 120], 13, 10, 200)).toEqual([50, 63, 120]);
    // Crowded at the bottom: the stack moves up.
    expect(spreadLabels([199, 200, 200], 13, 10, 200)).toEqual([174, 187, 200]);
  });
});
