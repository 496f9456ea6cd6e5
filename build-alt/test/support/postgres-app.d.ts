import type { INestMicroservice, Type } from '@nestjs/common';
import { PostgresAckClient, PostgresAckServer, PostgresSql, type PostgresAckServerOptions } from '../../lib/postgres';
/** A Nest app on a fresh table, a client publishing to it, and the table's statements for plain-SQL assertions. */
export interface PostgresTestApp {
    app: INestMicroservice;
    server: PostgresAckServer;
    client: PostgresAckClient;
    table: string;
    queue: string;
    sql: PostgresSql;
    /** Closes app and client and drops the tables. */
    close(): Promise<void>;
}
export declare function startPostgresApp(module: Type<unknown>, options?: Partial<PostgresAckServerOptions>, prefix?: string): Promise<PostgresTestApp>;
