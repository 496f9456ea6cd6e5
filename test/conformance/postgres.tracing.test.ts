import 'reflect-metadata';
import { postgresConformanceAdapter } from './adapters/postgres';
import { runTracingSuite } from './suite-tracing';

runTracingSuite(postgresConformanceAdapter(), 'postgres');
