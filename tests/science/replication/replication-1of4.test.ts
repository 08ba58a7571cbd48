/** The first quarter of the replication files, re-derived (rederive.ts), and that every trace is re-derived by some quarter. */
import { itTracesAreRederived, rederive, shardOf } from './rederive';

rederive(shardOf(0, 4));
itTracesAreRederived();
