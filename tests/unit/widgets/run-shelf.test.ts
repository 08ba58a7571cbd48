/**
 * The run shelf's pure parts (src/widgets/run/run-shelf.ts): default labels, what differs, and pinned
 * runs in links: a round trip is exact, only what differs from the defaults is written, and a malformed
 * pin is left out with a reason (never a throw), as are pins beyond MAX_PINS. Also the exports' table.
 */
import { describe, expect, it } from 'vitest';
import { defaultsOf } from '../../../src/lab/schema';
import { NOISY_BN_SCHEMA } from '../../../src/lab/experiments/noisy-bn-schema';
import { liveFields } from '../../../src/widgets/share/widget-fields';
import { cleanLabel, decodePins, defaultLabel, differingKeys, encodePin, MAX_PINS, pinLetter } from '../../../src/widgets/run/run-shelf';
import { readPins, readState, writeState } from '../../../src/widgets/share/url-state';
import { toCsv, toJson, withPinned } from '../../../src/widgets/share/export-data';

const fields = liveFields(NOISY_BN_SCHEMA);
const defaults = defaultsOf(fields);
const slow = { ...defaults, lr: 0.1 };

describe('labels', () => {
  it('name what differs from the defaults, by link key, or say the run is the defaults', () => {
    expect(defaultLabel(fields, defaults, defaults)).toBe('default settings');
    expect(defaultLabel(fields, { ...slow, seed: 3 }, defaults)).toBe('lr 0.1, seed 3');
    // The step cap is how far a run went, not a setting that tells runs apart.
    expect(differingKeys(fields, { ...defaults, steps: 30 }, defaults)).toEqual([]);
  });

  it('are one trimmed line of at most 40 characters', () => {
    expect(cleanLabel('  two\n lines  ')).toBe('two lines');
    expect(cleanLabel('x'.repeat(60))).toHaveLength(40);
  });

  it('letter the pins A, B, C', () => {
    expect([0, 1, 2].map(pinLetter)).toEqual(['A', 'B', 'C']);
  });
});

describe('pins in links', () => {
  it('write only the seed and what differs, and a label only when it is not the default one', () => {
    expect(encodePin(fields, { state: slow, label: 'lr 0.1' }, defaults)).toBe('lr:0.1,seed:1');
    expect(encodePin(fields, { state: slow, label: 'slow, careful: 10%' }, defaults)).toBe(`lr:0.1,seed:1,label:${encodeURIComponent('slow, careful: 10%')}`);
  });

  it('round-trip exactly through the URL, beside the figure’s own settings', () => {
    const pins = [
      { state: slow, label: 'lr 0.1' },
      { state: { ...defaults, seed: 7, nMu: 0.25, hiddenLayers: 3 }, label: 'my deep one' },
    ];
    const params = writeState(new URLSearchParams('other=1'), 'noise-injection', fields, defaults, pins.map((p) => encodePin(fields, p, defaults)));
    const back = new URLSearchParams(params.toString());
    expect(back.get('other')).toBe('1');
    // The settings' reader leaves the pins to the shelf: nothing is reported ignored.
    expect(readState(back, 'noise-injection', fields).ignored).toEqual([]);
    expect(decodePins(fields, readPins(back, 'noise-injection'), defaults)).toEqual({ pins, ignored: [] });
  });

  it('leave out a malformed pin with a reason, keeping the good ones', () => {
    const texts = ['lr:0.1', 'lr:banana', 'nope', 'colour:red', '', 'label:%E0%A4%A', 'lr:99'];
    const { pins, ignored } = decodePins(fields, texts, defaults);
    expect(pins).toEqual([{ state: slow, label: 'lr 0.1' }]);
    expect(ignored.map((i) => i.text)).toEqual(texts.slice(1));
    expect(ignored.every((i) => i.key === 'pin' && i.reason.length > 0)).toBe(true);
    expect(ignored[1]!.reason).toContain('not key:value');
    expect(ignored[2]!.reason).toContain('not a setting of this figure');
    expect(ignored[5]!.reason).toMatch(/^pinned run left out: lr: /);
  });

  it(`keep at most ${MAX_PINS}`, () => {
    const { pins, ignored } = decodePins(fields, Array.from({ length: MAX_PINS + 1 }, (_, i) => `seed:${i + 2}`), defaults);
    expect(pins).toHaveLength(MAX_PINS);
    expect(ignored).toHaveLength(1);
    expect(ignored[0]!.reason).toContain(`at most ${MAX_PINS}`);
  });
});

describe('pinned runs in exports', () => {
  const live = { columns: ['arm', 'step', 'loss'], rows: [['batchnorm', 0, 2.3]] };
  const pinned = [{ letter: 'A', label: 'lr 0.1', state: slow, table: { columns: ['arm', 'step', 'accuracy', 'loss'], rows: [['batchnorm', 0, 0.1, 2.2]] } }];

  it('leave the live table as it is without pins', () => {
    expect(withPinned(live, [])).toBe(live);
  });

  it('add a run column and the pins’ rows, over the union of the columns', () => {
    expect(withPinned(live, pinned)).toEqual({
      columns: ['run', 'arm', 'step', 'loss', 'accuracy'],
      rows: [
        ['live', 'batchnorm', 0, 2.3, null],
        ['A', 'batchnorm', 0, 2.2, 0.1],
      ],
    });
  });

  it('name each pin’s label, seed and settings in the CSV comments and the JSON', () => {
    const meta = { widget: 'noise-injection', state: defaults, pinned: [{ letter: 'A', label: 'lr 0.1', state: slow }] };
    const table = withPinned(live, pinned);
    const csv = toCsv(meta, table).split('\n');
    expect(csv[3]).toMatch(/^# pinned A: lr 0\.1; seed: 1; config: .*; lr=0\.1; /);
    expect(csv[4]).toBe('run,arm,step,loss,accuracy');
    const json = JSON.parse(toJson(meta, table));
    expect(json.pinned).toEqual([{ run: 'A', label: 'lr 0.1', seed: 1, config: Object.fromEntries(Object.entries(slow).filter(([k]) => k !== 'seed')) }]);
  });
});
