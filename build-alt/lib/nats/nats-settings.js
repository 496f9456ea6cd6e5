"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.DEFAULT_CONSUMER = exports.DEFAULT_NATS_SERVERS = void 0;
exports.isSubject = isSubject;
exports.resolveNatsSettings = resolveNatsSettings;
const errors_1 = require("../core/errors");
const option_checks_1 = require("../core/option-checks");
exports.DEFAULT_NATS_SERVERS = 'nats://127.0.0.1:4222';
exports.DEFAULT_CONSUMER = 'nestjs-ack';
const SERVER_SHAPE = /^((nats|tls|ws|wss):\/\/)?[^\s/]+$/;
/** Stream and consumer names: no subject tokens separators, wildcards, whitespace or path characters. */
const NAME_SHAPE = /^[^\s.*>/\\]+$/;
/** A NATS subject: dot-separated non-empty tokens without whitespace; `*` and a final `>` as wildcards. */
const SUBJECT_SHAPE = /^[^\s.]+(\.[^\s.]+)*$/;
function isSubject(value) {
    return typeof value === 'string' && SUBJECT_SHAPE.test(value) && !value.startsWith('{') && !/>./.test(value);
}
/** Validates the broker options; every error names the option and what is allowed. */
function resolveNatsSettings(options, concurrency) {
    if (!options || typeof options !== 'object')
        throw new errors_1.InvalidOptionError('options', options, 'an object with at least { stream }');
    const stream = name('stream', options.stream);
    const consumer = name('consumer', options.consumer ?? exports.DEFAULT_CONSUMER);
    const ackWaitMs = options.ackWaitMs ?? 30_000;
    (0, option_checks_1.assertNumber)(ackWaitMs, 'ackWaitMs', 1000);
    const maxAckPending = options.maxAckPending ?? 1000;
    (0, option_checks_1.assertNumber)(maxAckPending, 'maxAckPending', 1, true);
    const batchSize = options.batchSize ?? concurrency;
    (0, option_checks_1.assertNumber)(batchSize, 'batchSize', 1, true);
    const ensureStream = options.ensureStream ?? false;
    if (typeof ensureStream !== 'boolean' && (typeof ensureStream !== 'object' || ensureStream === null || Array.isArray(ensureStream))) {
        throw new errors_1.InvalidOptionError('ensureStream', ensureStream, 'true, false or a partial StreamConfig');
    }
    const ensureConsumer = options.ensureConsumer ?? true;
    if (typeof ensureConsumer !== 'boolean')
        throw new errors_1.InvalidOptionError('ensureConsumer', ensureConsumer, 'true, false');
    if (options.subjects !== undefined && (!Array.isArray(options.subjects) || options.subjects.length === 0 || !options.subjects.every(isSubject))) {
        throw new errors_1.InvalidOptionError('subjects', options.subjects, 'a non-empty array of NATS subjects');
    }
    const consumerConfig = options.consumerConfig ?? {};
    if (typeof consumerConfig !== 'object' || consumerConfig === null || Array.isArray(consumerConfig)) {
        throw new errors_1.InvalidOptionError('consumerConfig', consumerConfig, 'a partial ConsumerConfig');
    }
    for (const owned of ['ack_policy', 'max_deliver', 'durable_name', 'filter_subject', 'filter_subjects', 'deliver_subject']) {
        if (owned in consumerConfig)
            throw new errors_1.InvalidOptionError(`consumerConfig.${owned}`, consumerConfig[owned], 'nothing: the server sets it (see the options consumer, subjects, retry)');
    }
    return {
        servers: options.connection ? [] : (0, option_checks_1.assertAddressList)(options.servers ?? exports.DEFAULT_NATS_SERVERS, 'servers', SERVER_SHAPE, 'a nats:// URL or host:port, or a non-empty array of them'),
        connection: options.connection,
        connectionOptions: options.connectionOptions ?? {},
        stream,
        ensureStream: ensureStream === true ? {} : ensureStream,
        ensureConsumer,
        subjects: options.subjects,
        consumer,
        ackWaitMs,
        maxAckPending,
        batchSize,
        consumerConfig,
        deadLetter: resolveDeadLetter(options, stream),
    };
}
function resolveDeadLetter(options, stream) {
    const value = options.deadLetter ?? {};
    if (value === false)
        return false;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        throw new errors_1.InvalidOptionError('deadLetter', value, 'false or { stream?, subjectPrefix?, publishTimeoutMs? }');
    }
    const target = {
        stream: name('deadLetter.stream', value.stream ?? `${stream}_DLQ`),
        subjectPrefix: value.subjectPrefix ?? `dead-letter.${stream}`,
        publishTimeoutMs: value.publishTimeoutMs ?? 5000,
    };
    if (!isSubject(target.subjectPrefix) || /[*>]/.test(target.subjectPrefix)) {
        throw new errors_1.InvalidOptionError('deadLetter.subjectPrefix', target.subjectPrefix, 'a NATS subject without wildcards');
    }
    (0, option_checks_1.assertNumber)(target.publishTimeoutMs, 'deadLetter.publishTimeoutMs', 1);
    if (target.stream === stream)
        throw new errors_1.InvalidOptionError('deadLetter.stream', target.stream, 'a stream other than stream');
    return target;
}
function name(option, value) {
    if (typeof value !== 'string' || !NAME_SHAPE.test(value)) {
        throw new errors_1.InvalidOptionError(option, value, 'a non-empty name without dots, wildcards, slashes or whitespace');
    }
    return value;
}
//# sourceMappingURL=nats-settings.js.map