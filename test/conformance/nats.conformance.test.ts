import 'reflect-metadata';
import { natsConformanceAdapter } from './adapters/nats';
import { runConformanceSuite } from './suite';

// One stream per app capturing the test's patterns, dead letters to `<stream>_DLQ` (nats-server 2.9: one consumer per subject).
runConformanceSuite(natsConformanceAdapter());
