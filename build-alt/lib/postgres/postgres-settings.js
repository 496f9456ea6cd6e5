"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.CONNECT_TIMEOUT_MS = exports.DEFAULT_TABLE = exports.DEFAULT_POSTGRES_URL = void 0;
exports.resolveConnectionSettings = resolveConnectionSettings;
exports.resolvePostgresSettings = resolvePostgresSettings;
const pg_1 = require("pg");
const errors_1 = require("../core/errors");
const option_checks_1 = require("../core/option-checks");
const reconnect_1 = require("../core/reconnect");
exports.DEFAULT_POSTGRES_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
exports.DEFAULT_TABLE = 'nestjs_ack_messages';
const NAME = /^[A-Za-z_][A-Za-z0-9_]{0,50}$/;
/**
 * `connectionTimeoutMillis` of a pool nestjs-ack makes, unless its config sets one. pg's default (none)
 * lets a connection attempt that reaches a restarting server hang for good: seen taking the LISTEN
 * reconnect with it, so the server stayed `reconnecting` while claiming already worked again.
 */
exports.CONNECT_TIMEOUT_MS = 5000;
function resolveConnectionSettings(options) {
    const raw = options?.connection ?? process.env.DATABASE_URL ?? exports.DEFAULT_POSTGRES_URL;
    let connection;
    if (isPool(raw))
        connection = { pool: raw };
    else if (typeof raw === 'string' && raw.length > 0)
        connection = { config: { connectionString: raw, connectionTimeoutMillis: exports.CONNECT_TIMEOUT_MS } };
    else if (typeof raw === 'object' && raw !== null)
        connection = { config: { connectionTimeoutMillis: exports.CONNECT_TIMEOUT_MS, ...raw } };
    else
        throw new errors_1.InvalidOptionError('connection', typeof raw, 'a connection string, a pg PoolConfig or a pg.Pool');
    const schema = identifier('schema', options?.schema ?? 'public');
    const table = identifier('table', options?.table ?? exports.DEFAULT_TABLE);
    const queue = options?.queue ?? 'default';
    if (typeof queue !== 'string' || queue.length === 0 || queue.length > 200)
        throw new errors_1.InvalidOptionError('queue', queue, 'a non-empty string of at most 200 characters');
    const createSchema = options?.createSchema ?? false;
    if (typeof createSchema !== 'boolean')
        throw new errors_1.InvalidOptionError('createSchema', createSchema, 'true or false');
    return { connection, name: { schema, table }, queue, createSchema };
}
/** Validates the transport options; every error names the option and what is allowed. */
function resolvePostgresSettings(options, concurrency) {
    const base = resolveConnectionSettings(options);
    const batchSize = options.batchSize ?? concurrency;
    (0, option_checks_1.assertNumber)(batchSize, 'batchSize', 1, true);
    const pollIntervalMs = options.pollIntervalMs ?? 1000;
    (0, option_checks_1.assertNumber)(pollIntervalMs, 'pollIntervalMs', 1);
    const leaseMs = options.leaseMs ?? 30_000;
    (0, option_checks_1.assertNumber)(leaseMs, 'leaseMs', 10);
    const leaseRenewalMs = options.leaseRenewalMs ?? Math.max(1, Math.floor(leaseMs / 3));
    (0, option_checks_1.assertNumber)(leaseRenewalMs, 'leaseRenewalMs', 1);
    if (leaseRenewalMs >= leaseMs)
        throw new errors_1.InvalidOptionError('leaseRenewalMs', leaseRenewalMs, `a number below leaseMs (${leaseMs})`);
    const retention = { completedMs: 86_400_000, failedMs: 1_209_600_000, intervalMs: 60_000, ...(0, option_checks_1.definedOnly)(options.retention) };
    (0, option_checks_1.assertLimit)(retention.completedMs, 'retention.completedMs', 0);
    (0, option_checks_1.assertLimit)(retention.failedMs, 'retention.failedMs', 0);
    (0, option_checks_1.assertNumber)(retention.intervalMs, 'retention.intervalMs', 10);
    return {
        ...base,
        batchSize,
        pollIntervalMs,
        leaseMs,
        leaseRenewalMs,
        deleteOnAck: bool('deleteOnAck', options.deleteOnAck ?? false),
        deadLetter: bool('deadLetter', options.deadLetter ?? true),
        retention,
        reconnect: (0, reconnect_1.resolveReconnect)(options.reconnect),
    };
}
function identifier(option, value) {
    if (typeof value !== 'string' || !NAME.test(value))
        throw new errors_1.InvalidOptionError(option, value, 'a SQL name: a letter or _, then letters, digits or _, at most 51 characters');
    return value;
}
function bool(option, value) {
    if (typeof value !== 'boolean')
        throw new errors_1.InvalidOptionError(option, value, 'true or false');
    return value;
}
/** A `pg.Pool`, also one from another copy of `pg`. */
function isPool(value) {
    if (value instanceof pg_1.Pool)
        return true;
    const candidate = value;
    return typeof candidate === 'object' && candidate !== null && typeof candidate.connect === 'function' && typeof candidate.query === 'function';
}
//# sourceMappingURL=postgres-settings.js.map