import 'reflect-metadata';
import { type BrokerBench } from './measure';
/** Redis Streams: ioredis XREADGROUP + XACK by hand (batches of 50), `RedisAckServer` without and with `AckModule` (Nest has no Redis Streams transport). */
export declare function redisBench(): BrokerBench;
