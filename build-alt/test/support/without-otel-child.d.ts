import './block-otel';
import 'reflect-metadata';
import '../../lib/kafka';
import '../../lib/nats';
import '../../lib/postgres';
import '../../lib/rabbitmq';
import '../../lib/redis';
