import 'reflect-metadata';
import { kafkaConformanceAdapter } from './adapters/kafka';
import { runConformanceSuite } from './suite';

// The whole suite again with `ordering: 'key'` (keyed worker, in-memory retries).
runConformanceSuite(kafkaConformanceAdapter('key'));
