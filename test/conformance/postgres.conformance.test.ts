import 'reflect-metadata';
import { postgresConformanceAdapter } from './adapters/postgres';
import { runConformanceSuite } from './suite';

// One fresh table per test, created by the server; row states read back with plain SQL.
runConformanceSuite(postgresConformanceAdapter());
