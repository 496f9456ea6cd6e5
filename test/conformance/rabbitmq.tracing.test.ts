import 'reflect-metadata';
import { rabbitConformanceAdapter } from '../support/rabbit-conformance-adapter';
import { runTracingSuite } from './suite-tracing';

runTracingSuite(rabbitConformanceAdapter(), 'rabbitmq');
