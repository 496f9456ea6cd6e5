// The table's rows and the extra measurements, from the repository's manifest (test/transports.ts):
// each transport's bench module is loaded only when its row runs (it imports its broker's client).
import { join } from 'node:path';
import { TRANSPORTS, type BenchEntry } from '../test/transports';
import type { ExtraBench } from './bench-types';
import type { BrokerBench } from './measure';

/** A module named by the manifest; compiled, this file is <build>/bench/rows.js and the paths are from <build>. */
function load(module: string): Record<string, unknown> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(join(__dirname, '..', module)) as Record<string, unknown>;
}

const benches: BenchEntry[] = TRANSPORTS.flatMap((entry) => ('bench' in entry ? [entry.bench] : []));

/** One row per broker (and queue type), in the manifest's order. */
export const ROWS: Array<{ id: string; load: () => Promise<BrokerBench> }> = benches.flatMap((bench) =>
  bench.rows.map((row) => ({ id: row.id, load: async () => (load(bench.module)[row.export] as (...args: unknown[]) => BrokerBench)(...(row.args ?? [])) })),
);

/** Each transport's own measurement, run after every row when one of `rows` is wanted. */
export const EXTRAS: Array<{ rows: string[]; load: () => Promise<ExtraBench> }> = benches.flatMap((bench) =>
  bench.extra ? [{ rows: bench.rows.map((row) => row.id), load: async () => load(bench.module)[bench.extra!] as ExtraBench }] : [],
);
