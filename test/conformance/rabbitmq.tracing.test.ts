import 'reflect-metadata';
import { rabbitConformanceAdapter } from './adapters/rabbitmq';
import { runTracingSuite } from './suite-tracing';

runTracingSuite(rabbitConformanceAdapter(), 'rabbitmq');
