/**
 * One pinned run's marks for one arm (the run shelf), in every chart's shared look: thin faint paths
 * in the arm's colour and dash pattern (StepChart's `.pinned-line`), drawn before the live marks so
 * they sit under them, and the pin's letter at the end, as the shelf lists it.
 */
import { armStyle } from './arm-styles';
import type { Frame } from './frame';

export function drawPinnedMarks(
  frame: Frame,
  letter: string,
  arm: string,
  paths: readonly (string | null)[],
  /** Where the letter goes (px in the plot), or null when the run has no value yet. */
  end: readonly [number, number] | null,
): void {
  const style = armStyle(arm);
  const g = frame.plot.group(`pinned-${letter}-${arm}`, { attrs: { class: 'pinned', 'data-arm': arm, 'data-pin': letter } });
  for (const d of paths) g.add('path', 'line', { attrs: { class: 'pinned-line', d, 'stroke-dasharray': style.dash || null }, style: { stroke: style.color } });
  if (end) g.add('text', 'letter', { attrs: { class: 'pinned-letter', x: end[0] - 2, y: end[1] - 5, 'text-anchor': 'end' }, text: letter });
}
