import 'reflect-metadata';
import { natsConformanceAdapter } from './adapters/nats';
import { runTracingSuite } from './suite-tracing';

runTracingSuite(natsConformanceAdapter(), 'nats');
