import { type SampleTransport } from '../transport';
/**
 * PostgreSQL: a table of this run (created at start), one row per message.
 * The broker's view is the rows themselves: COMPLETED (acked), FAILED (the
 * dead letter, with its reason), anything else unsettled; `attempts` counts deliveries.
 */
export declare function postgresTransport(): Promise<SampleTransport>;
