// The transports the harness runs, from the repository's manifest (test/transports.ts), and their
// drivers on private nodes: nothing here names a broker.
import { join } from 'node:path';
import { TRANSPORTS, type ReliabilityEntry, type ReliabilityTransportId, type TransportEntry } from '../test/transports';
import type { Driver } from './drivers';

export type HarnessTransport = TransportEntry & { id: ReliabilityTransportId; reliability: ReliabilityEntry };

/** Every transport with a `reliability` entry, in the manifest's order. */
export const HARNESS_TRANSPORTS: HarnessTransport[] = TRANSPORTS.filter((entry): entry is Extract<(typeof TRANSPORTS)[number], { reliability: ReliabilityEntry }> => 'reliability' in entry);

export function harnessTransport(id: ReliabilityTransportId): HarnessTransport {
  return HARNESS_TRANSPORTS.find((entry) => entry.id === id)!;
}

/** The addresses of `nodes` private nodes numbered from `firstPort`. */
export function nodeAddresses(entry: HarnessTransport, firstPort: number, nodes: number): string[] {
  return Array.from({ length: nodes }, (_, k) => entry.reliability.address.replace('{port}', String(firstPort + k)));
}

type DriverClass = new (addresses: string[], options?: { leader?: number }) => Driver;

/** A driver on `nodes` private nodes from `firstPort`; the module is loaded only now (each imports its broker's client). */
export function newDriver(id: ReliabilityTransportId, firstPort: number, nodes: number, options?: { leader?: number }): Driver {
  const entry = harnessTransport(id);
  // Compiled: this file is <build>/reliability/transports.js, the manifest's paths are from <build>.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const driver = (require(join(__dirname, '..', entry.reliability.driver.module)) as Record<string, DriverClass>)[entry.reliability.driver.export];
  return new driver(nodeAddresses(entry, firstPort, nodes), options);
}
