import 'reflect-metadata';
import { inMemoryConformanceAdapter } from './adapters/in-memory';
import { runConformanceSuite } from './suite';

runConformanceSuite(inMemoryConformanceAdapter);
