/**
 * Charts redraw one per frame: a metrics batch updates many charts at once, and drawing them all in
 * one go, with the style, layout and paint it causes, would block the page for longer than 50 ms.
 * Each chart queues its latest drawing under its own key; one drawing runs per animation frame, so
 * every frame repaints a single chart and input is handled in between. A chart asked to redraw
 * twice before its turn draws once, with the latest data.
 */
const pending = new Map<string, () => void>();
let scheduled = false;

function drawOne(): void {
  const next = pending.entries().next();
  if (next.done) {
    scheduled = false;
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
