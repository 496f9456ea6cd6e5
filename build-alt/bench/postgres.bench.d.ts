import 'reflect-metadata';
import { type BenchResult, type BrokerBench } from './measure';
/** PostgreSQL: a SKIP LOCKED claim loop marking rows COMPLETED by hand, `PostgresAckServer` without and with `AckModule` (Nest has no PostgreSQL transport). */
export declare function postgresBench(): BrokerBench;
/** One claim of 10 rows with 1,000 rows in the table, then with 100,000 (99,000 COMPLETED): claims per second (ratio ~1 = the index works). */
export declare function benchPostgresClaimScale(): Promise<BenchResult[]>;
