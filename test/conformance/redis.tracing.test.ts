import 'reflect-metadata';
import { redisConformanceAdapter } from './adapters/redis';
import { runTracingSuite } from './suite-tracing';

runTracingSuite(redisConformanceAdapter(), 'redis');
