/**
 * The convnet's settings (models/convnet.ts), shared by every experiment that offers it: two blocks of
 * one 3×3 convolution, 8 then 16 channels, batch 64 — widths that keep the BatchNorm convnet's training
 * step fast on wasm (docs/performance.md). Its batch size is the MLP's `batchSize` field.
 */
import type { NumberField } from '../types';

/** Convnet settings leave the configHash of other networks' runs alone (FieldBase.hashedOnlyWhen). */
export const CONVNET_ONLY = { key: 'model', values: ['convnet'] } as const;

export const CONVNET_FIELDS: readonly NumberField[] = [
  {
    key: 'convBlocks',
    label: 'Conv blocks',
    type: 'number',
    default: 2,
    min: 1,
    max: 4,
    integer: true,
    hashedOnlyWhen: CONVNET_ONLY,
    help: 'Blocks of 3×3 convolutions, each block followed by 2×2 max-pooling (28 → 14 → 7 pixels).',
  },
  {
    key: 'convsPerBlock',
    label: 'Convolutions per block',
    type: 'number',
    default: 1,
    min: 1,
    max: 3,
    integer: true,
    hashedOnlyWhen: CONVNET_ONLY,
    help: 'VGG stacks two or three 3×3 convolutions per block; each carries its own normalization and ReLU.',
  },
  {
    key: 'convChannels',
    label: 'Channels',
    type: 'number',
    default: 8,
    min: 1,
    max: 64,
    integer: true,
    unit: 'channels',
    hashedOnlyWhen: CONVNET_ONLY,
    help: 'Channels of the first block; every next block doubles them, as VGG does.',
  },
];

/** The config keys of CONVNET_FIELDS. */
export type ConvnetSettings = { convBlocks: number; convsPerBlock: number; convChannels: number };
