"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.createPostgresSchema = createPostgresSchema;
/** Any number that all nestjs-ack processes share: concurrent `CREATE ... IF NOT EXISTS` can still collide. */
const SCHEMA_LOCK = 0x6e61636b; // 'nack'
/** Creates schema, tables and indexes if missing, one process at a time. */
async function createPostgresSchema(pool, sql) {
    const client = await pool.connect();
    try {
        await client.query('BEGIN');
        await client.query('SELECT pg_advisory_xact_lock($1)', [SCHEMA_LOCK]);
        await client.query(sql.createSchema());
        await client.query('COMMIT');
    }
    catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
    }
    finally {
        client.release();
    }
}
//# sourceMappingURL=postgres-schema.js.map