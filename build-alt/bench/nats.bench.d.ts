import 'reflect-metadata';
import { type BrokerBench } from './measure';
/** NATS JetStream: a durable pull consumer's consume() + ack by hand, `NatsAckServer` without and with `AckModule` (Nest's NATS transport has no JetStream acks: no Nest column). */
export declare function natsBench(): BrokerBench;
