import 'reflect-metadata';
import { inMemoryConformanceAdapter } from './adapters/in-memory';
import { runTracingSuite } from './suite-tracing';

runTracingSuite(inMemoryConformanceAdapter, 'in-memory');
