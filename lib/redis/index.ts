/** `nestjs-ack/redis`: the Redis Streams transport (needs the `ioredis` peer dependency). */
export { RedisAckServer, REDIS_TRANSPORT } from './redis-ack.server';
export type { RedisAckServerOptions, RedisConnectionOption, RedisDeadLetterOptions } from './redis-ack-server-options';
export { RedisAckClient } from './redis-ack.client';
export type { RedisAckClientOptions } from './redis-ack-client-options';
export { RedisAckContext } from './redis-context';
export type { RedisMessage } from './redis-message';
export { RedisFields } from './redis-wire';
export { DEFAULT_REDIS_URL } from './redis-connection';
