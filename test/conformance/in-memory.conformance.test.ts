import 'reflect-metadata';
import { inMemoryConformanceAdapter } from '../support/in-memory-conformance-adapter';
import { runConformanceSuite } from './suite';

runConformanceSuite(inMemoryConformanceAdapter);
