import type { ConformanceAdapter } from '../conformance/adapter';
/**
 * Runs the conformance suite on PostgreSQL: one fresh table per start (created
 * by the server), all the test's patterns in it; outstanding rows and dead
 * letters (FAILED rows) read with plain SQL; the tables dropped at close.
 */
export declare function postgresConformanceAdapter(): ConformanceAdapter;
