import 'reflect-metadata';
import { kafkaConformanceAdapter } from '../support/kafka-conformance-adapter';
import { runConformanceSuite } from './suite';

// The whole suite again with `ordering: 'key'` (keyed worker, in-memory retries).
runConformanceSuite(kafkaConformanceAdapter('key'));
