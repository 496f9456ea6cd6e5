import 'reflect-metadata';
import { type BrokerBench } from './measure';
/**
 * RabbitMQ, one queue type: amqplib consume + ack by hand, Nest's `ServerRMQ`
 * (noAck false, ack in the handler), `RabbitAckServer` without and with
 * `AckModule`. Every contender gets prefetch 50 and a fresh queue holding the
 * same backlog.
 */
export declare function rabbitmqBench(queueType: 'quorum' | 'classic'): BrokerBench;
