/**
 * The sentence a run's live region announces (and shows) for its state. Pure, so the wording is
 * tested; it changes only when the state does, so screen readers are not flooded step by step.
 */
import { armStyle } from '../../charts/arm-styles';
import type { RunPhase } from './run-controller.svelte';

export interface RunStatusInput {
  phase: RunPhase;
  step: number;
  diverged: Readonly<Record<string, number>>;
  showingTrace: boolean;
  error: string | null;
}

export function announce({ phase, step, diverged, showingTrace, error }: RunStatusInput): string {
  const firstDivergence = Math.min(...Object.values(diverged));
  const notes = Object.entries(diverged).map(([arm, at]) => `${armStyle(arm).label} diverged at step ${at}.`);
  const base = ((): string => {
    switch (phase) {
      case 'idle':
        return showingTrace ? 'Showing a precomputed run. Press Play to train live.' : 'Ready. Press Play to train live.';
      case 'loading':
        return 'Loading the lab…';
      case 'running':
        return 'Running.';
      case 'paused':
        return `Paused at step ${step}.`;
      case 'finished':
        return `Finished at step ${step}.`;
      case 'stopped':
        return `Stopped at step ${step}.`;
      case 'diverged':
        return `Diverged at step ${firstDivergence}.`;
      case 'error':
        return `The run failed: ${error ?? 'unknown error'}.`;
    }
  })();
  // In the 'diverged' phase every arm diverged; the per-arm steps still say which went first.
  return [base, ...notes].join(' ');
}
