import 'reflect-metadata';
import { postgresConformanceAdapter } from '../support/postgres-conformance-adapter';
import { runTracingSuite } from './suite-tracing';

runTracingSuite(postgresConformanceAdapter(), 'postgres');
