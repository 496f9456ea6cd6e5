/** `nestjs-ack/postgres`: the PostgreSQL transport (needs the `pg` peer dependency). */
export { PostgresAckServer, POSTGRES_TRANSPORT } from './postgres-ack.server';
export type { PostgresAckServerOptions, PostgresConnectionOptions, PostgresRetentionOptions, PostgresTlsOptions } from './postgres-ack-server-options';
export { PostgresAckClient } from './postgres-ack.client';
export type { PostgresAckClientOptions, Queryable } from './postgres-ack-client-options';
export { PostgresAckContext } from './postgres-context';
export type { PostgresMessage } from './postgres-message';
export { PostgresSql, RowState, type TableName } from './postgres-sql';
export { DEFAULT_POSTGRES_URL, DEFAULT_TABLE } from './postgres-settings';
export { deadLetterOf, type FailedRow } from './postgres-dead-letters';
export { POSTGRES_REPLY_CHANNEL_PREFIX } from './postgres-reply-channels';
