import 'reflect-metadata';
import { natsConformanceAdapter } from '../support/nats-conformance-adapter';
import { runTracingSuite } from './suite-tracing';

runTracingSuite(natsConformanceAdapter(), 'nats');
