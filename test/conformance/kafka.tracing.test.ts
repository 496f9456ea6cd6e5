import 'reflect-metadata';
import { kafkaConformanceAdapter } from '../support/kafka-conformance-adapter';
import { runTracingSuite } from './suite-tracing';

runTracingSuite(kafkaConformanceAdapter(), 'kafka');
