import type { Pool } from 'pg';
import type { PostgresSql } from './postgres-sql';
/** Creates schema, tables and indexes if missing, one process at a time. */
export declare function createPostgresSchema(pool: Pool, sql: PostgresSql): Promise<void>;
