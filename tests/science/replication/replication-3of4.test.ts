/** The third quarter of the replication files, re-derived (rederive.ts). */
import { rederive, shardOf } from './rederive';

rederive(shardOf(2, 4));
