import 'reflect-metadata';
import { kafkaConformanceAdapter } from './adapters/kafka';
import { runTracingSuite } from './suite-tracing';

runTracingSuite(kafkaConformanceAdapter(), 'kafka');
