/**
 * Charts redraw one per frame: a metrics batch updates many charts at once, and drawing them all in
 * one go, with the style, layout and paint it causes, would block the page for longer than 50 ms.
 * Each chart queues its latest drawing under its own key; one drawing runs per animation frame, so
 * every frame repaints a single chart and input is handled in between. A chart asked to redraw
 * twice before its turn draws once, with the latest data.
 */
const pending = new Map<string, () => void>();
let scheduled = false;
/** What waits for the queue to run empty (afterChartsDrawn). */
const whenDrawn: (() => void)[] = [];
/** How long a start waits for a frame: a hidden page runs no animation frames. */
const DRAWN_WAIT_MS = 500;

function drawOne(): void {
  const next = pending.entries().next();
  if (next.done) {
    scheduled = false;
    // A frame after the last drawing's: that one has been painted.
    for (const then of whenDrawn.splice(0)) then();
    return;
  }
  const [key, draw] = next.value;
  pending.delete(key);
  draw();
  requestAnimationFrame(drawOne);
}

export function queueDraw(key: string, draw: () => void): void {
  pending.set(key, draw);
  if (!scheduled) {
    scheduled = true;
    requestAnimationFrame(drawOne);
  }
}

/**
 * `then`, once, when the charts have drawn and painted what was queued up to the next animation frame; in a page
 * that draws no frames (hidden), after DRAWN_WAIT_MS. A live run's start waits for it (run-controller.svelte.ts):
 * its workers loading tfjs and compiling the .wasm, then training, hold every core of a small machine, and the
 * frames that clear the precomputed run from the charts, drawn meanwhile, took several times their own CPU time
 * in wall clock (docs/performance.md).
 */
export function afterChartsDrawn(then: () => void): void {
  let called = false;
  const once = () => {
    if (called) return;
    called = true;
    then();
  };
  const hidden = setTimeout(once, DRAWN_WAIT_MS);
  // From the next frame: the start comes before the charts queue its change (they do in Svelte's update). Once
  // frames run, the queue empties one chart a frame, however slowly a loaded machine draws them.
  requestAnimationFrame(() => {
    clearTimeout(hidden);
    if (scheduled) whenDrawn.push(once);
    else once();
  });
}
