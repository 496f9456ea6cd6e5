import 'reflect-metadata';
import { inMemoryConformanceAdapter } from '../support/in-memory-conformance-adapter';
import { runTracingSuite } from './suite-tracing';

runTracingSuite(inMemoryConformanceAdapter, 'in-memory');
