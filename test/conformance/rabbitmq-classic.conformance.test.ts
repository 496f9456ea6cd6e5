import 'reflect-metadata';
import { rabbitConformanceAdapter } from './adapters/rabbitmq';
import { runConformanceSuite } from './suite';

// Classic queues count no deliveries: this proves our own delivery-count header (republish on nack).
runConformanceSuite(rabbitConformanceAdapter({ queueType: 'classic' }));
