import 'reflect-metadata';
import { redisConformanceAdapter } from '../support/redis-conformance-adapter';
import { runTracingSuite } from './suite-tracing';

runTracingSuite(redisConformanceAdapter(), 'redis');
