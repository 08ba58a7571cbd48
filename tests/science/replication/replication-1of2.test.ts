/** The first half of the replication files, re-derived (rederive.ts), and that every trace is re-derived by some half. */
import { itTracesAreRederived, rederive, shardOf } from './rederive';

rederive(shardOf(0, 2));
itTracesAreRederived();
