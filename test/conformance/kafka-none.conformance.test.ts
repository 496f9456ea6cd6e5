import 'reflect-metadata';
import { kafkaConformanceAdapter } from './adapters/kafka';
import { runConformanceSuite } from './suite';

// `ordering: 'none'` shares the keyed worker with 'key' (each record its own lane): the policy matrix
// proves its settle paths; the full suite for 'key' covers the rest of that worker.
runConformanceSuite(kafkaConformanceAdapter('none'), { only: 'policy-matrix' });
