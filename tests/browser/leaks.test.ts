/**
 * Memory: every live figure of every chapter, run to its end four times (a first run and three reruns)
 * and once stopped mid-run by a reset, leaves its worker holding exactly the tensors it held when the
 * first run started (`numTensors` as the worker reports it in `ready` and in its final states). The
 * count is exact and a run is deterministic, so a leak shows after one rerun; three show the count flat
 * (ten took 50 s more of the suite's time and could catch nothing three do not).
 */
import { describe, expect, it } from 'vitest';
import { useChromium } from './support/browser';
import { hydrateIslands, useCrawledPages } from './support/site';
import { recordLabMessages, type LabMessage } from './support/lab-messages';
import { liveFigures } from './support/live-figures';

const RERUNS = 3;
const STEPS = 3;

const browser = useChromium();
const pages = useCrawledPages();

describe('no tensor leaks across reruns', () => {
  it(`every live figure: ${RERUNS} reruns and a stop leave numTensors at its starting value`, { timeout: 600_000 }, async () => {
    const tested: string[] = [];
    for (const url of pages().filter((u) => /\/chapters\//.test(u))) {
      const context = await browser().newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      const labMessages = await recordLabMessages(page);
      await page.goto(url);
      await hydrateIslands(page);
      for (const { name, widget } of await liveFigures(page)) {
        await widget.figure.scrollIntoViewIfNeeded();
        await widget.setStepCap(STEPS);
        const from = (await labMessages()).length;
        for (let run = 0; run <= RERUNS; run++) {
          await widget.play.click();
          await widget.waitForStatus(new RegExp(`^(Finished|Diverged) at step`));
          await expect.poll(() => widget.play.isEnabled()).toBe(true);
        }
        await widget.setStepCap(400);
        await widget.play.click();
        await widget.waitForSteps(1);
        await widget.figure.getByRole('button', { name: 'Reset' }).click();
        // A figure's arms may train in several workers: each one keeps its own count.
        const byWorker = async () => {
          const groups = new Map<number, LabMessage[]>();
          for (const m of (await labMessages()).slice(from)) groups.set(m.worker, [...(groups.get(m.worker) ?? []), m]);
          return groups;
        };
        const ends = (messages: LabMessage[]) => messages.filter((m) => m.type === 'state' && (m.state === 'finished' || m.state === 'stopped'));
        await expect.poll(async () => [...(await byWorker()).values()].every((mine) => ends(mine).length === RERUNS + 2), { timeout: 30_000 }).toBe(true);
        const starts: number[] = [];
        for (const [worker, mine] of await byWorker()) {
          const start = mine.find((m) => m.type === 'ready')!.numTensors;
          expect(typeof start, `${name}, worker ${worker}`).toBe('number');
          expect(ends(mine).map((m) => m.numTensors), `${name}, worker ${worker}`).toEqual(Array(RERUNS + 2).fill(start));
          expect(mine.filter((m) => m.type === 'ready').map((m) => m.numTensors), `${name}, worker ${worker}`).toEqual(Array(RERUNS + 2).fill(start));
          starts.push(start!);
        }
        tested.push(`${name}: ${starts.join(' and ')} tensors (${starts.length} workers) before, after each of ${RERUNS + 1} runs and a stop`);
      }
      await context.close();
    }
    console.log(tested.join('\n'));
    expect(tested.length).toBeGreaterThanOrEqual(4);
  });
});
