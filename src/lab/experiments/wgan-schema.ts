/**
 * The settings of 'wgan' (wgan.ts), apart from its run: pages build their controls and read the
 * snapshot's geometry from this module without loading tfjs.
 */
import type { ConfigSchema } from '../types';

export const WGAN_ARMS = ['clip', 'gp', 'sn'] as const;

export interface WganConfig {
  [key: string]: number;
  steps: number;
  criticSteps: number;
  lr: number;
  lambda: number;
  clipLr: number;
  clip: number;
  evalEvery: number;
  snapshotEvery: number;
}

/** Generated points in a snapshot (the first of the fixed evaluation noise, so every snapshot uses the same z). */
export const SNAPSHOT_POINTS = 256;
/** Grid side of the critic's value and gradient-norm surfaces. */
export const SNAPSHOT_GRID = 32;
/** The plotting square [lo, hi]² around the eight modes (radius ≈ 1.414). */
export const SNAPSHOT_EXTENT = [-2, 2] as const;

export const WGAN_SCHEMA: ConfigSchema = [
  { key: 'steps', type: 'number', label: 'Generator iterations', default: 1000, min: 1, max: 20000, integer: true },
  { key: 'criticSteps', type: 'number', label: 'Critic steps per generator step', help: 'n_critic', default: 5, min: 1, max: 20, integer: true },
  { key: 'lr', type: 'number', label: 'Adam learning rate (gp, sn)', default: 2e-3, min: 1e-5, max: 1e-1, scale: 'log' },
  { key: 'lambda', type: 'number', label: 'Gradient-penalty weight λ (gp)', help: 'gan_toy.py uses 0.1; the paper 10', default: 0.1, min: 0.01, max: 100, scale: 'log' },
  { key: 'clipLr', type: 'number', label: 'RMSProp learning rate (clip)', default: 5e-4, min: 1e-6, max: 1e-1, scale: 'log' },
  { key: 'clip', type: 'number', label: 'Clipping bound c (clip)', default: 0.01, min: 1e-4, max: 1, scale: 'log' },
  { key: 'evalEvery', type: 'number', label: 'Measure samples every', help: 'modes and quality on 2000 samples', default: 20, min: 1, max: 1000, integer: true, unit: 'steps' },
  {
    key: 'snapshotEvery',
    type: 'number',
    label: 'Snapshot every',
    help: `${SNAPSHOT_POINTS} generated points and the critic on a ${SNAPSHOT_GRID}×${SNAPSHOT_GRID} grid, for drawing; 0 takes none`,
    default: 20,
    min: 0,
    max: 1000,
    integer: true,
    unit: 'steps',
  },
];
