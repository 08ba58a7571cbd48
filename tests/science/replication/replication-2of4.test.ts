/** The second quarter of the replication files, re-derived (rederive.ts). */
import { rederive, shardOf } from './rederive';

rederive(shardOf(1, 4));
