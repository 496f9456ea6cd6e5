import 'reflect-metadata';
import { kafkaConformanceAdapter } from './adapters/kafka';
import { runConformanceSuite } from './suite';

// Topic per pattern (3 partitions), fresh group per test, offsets and dead letters read from the broker.
runConformanceSuite(kafkaConformanceAdapter());
