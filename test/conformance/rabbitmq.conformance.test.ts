import 'reflect-metadata';
import { rabbitConformanceAdapter } from './adapters/rabbitmq';
import { runConformanceSuite } from './suite';

// The default set-up: a quorum queue with the broker's own delivery count, dead letters to `<queue>.dlq`.
runConformanceSuite(rabbitConformanceAdapter());
