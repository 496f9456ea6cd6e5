"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.planConsumers = planConsumers;
exports.perSubjectName = perSubjectName;
exports.subjectCovers = subjectCovers;
exports.provisionStreams = provisionStreams;
exports.consumerConfig = consumerConfig;
exports.provisionConsumers = provisionConsumers;
exports.isNotFound = isNotFound;
const node_crypto_1 = require("node:crypto");
const jetstream_1 = require("@nats-io/jetstream");
const nats_errors_1 = require("./nats-errors");
/**
 * The consumers for `subjects`: one when a single subject or when the server
 * takes several filter subjects (2.10+), else one per subject, named
 * `<consumer>-<readable subject>-<hash>` so the name stays the same across restarts.
 */
function planConsumers(consumer, subjects, features) {
    if (subjects.length === 1 || features.multipleFilterSubjects)
        return [{ name: consumer, subjects }];
    return subjects.map((subject) => ({ name: perSubjectName(consumer, subject), subjects: [subject] }));
}
function perSubjectName(consumer, subject) {
    const readable = subject.replace(/\*/g, 'any').replace(/>/g, 'all').replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 48);
    const hash = (0, node_crypto_1.createHash)('sha256').update(subject).digest('hex').slice(0, 8);
    return `${consumer}-${readable}-${hash}`;
}
/** Whether stream subject `filter` (with wildcards) captures `subject` (which may have wildcards too). */
function subjectCovers(filter, subject) {
    const f = filter.split('.');
    const s = subject.split('.');
    for (let i = 0; i < f.length; i++) {
        if (f[i] === '>')
            return s.length > i;
        if (i >= s.length)
            return false;
        if (f[i] === '*') {
            if (s[i] === '>')
                return false;
            continue;
        }
        if (f[i] !== s[i])
            return false;
    }
    return f.length === s.length;
}
const nanos = (ms) => Math.round(ms * 1_000_000);
/** Creates or extends the stream and the dead-letter stream (`ensureStream`), or checks that they exist. */
async function provisionStreams(jsm, settings, subjects) {
    const existing = await streamInfo(jsm, settings.stream);
    if (settings.ensureStream === false) {
        if (!existing)
            throw new nats_errors_1.NatsMissingResourceError('stream', settings.stream, 'create it, or set the option ensureStream');
    }
    else if (!existing) {
        await jsm.streams.add({ subjects, ...settings.ensureStream, name: settings.stream });
    }
    else {
        const missing = subjects.filter((subject) => !existing.config.subjects?.some((filter) => subjectCovers(filter, subject)));
        if (missing.length > 0)
            await jsm.streams.update(settings.stream, { ...existing.config, subjects: [...(existing.config.subjects ?? []), ...missing] });
    }
    const dead = settings.deadLetter;
    if (!dead)
        return;
    const deadInfo = await streamInfo(jsm, dead.stream);
    if (deadInfo)
        return;
    if (settings.ensureStream === false)
        throw new nats_errors_1.NatsMissingResourceError('stream', dead.stream, `create it (subjects "${dead.subjectPrefix}.>") for the dead letters, set the option ensureStream, or deadLetter: false`);
    await jsm.streams.add({ name: dead.stream, subjects: [`${dead.subjectPrefix}.>`] });
}
/** The configuration the server needs on each consumer. `max_deliver` is unlimited: the retry rules are ours, and the server must never drop a message before our reject dead-lettered it. */
function consumerConfig(settings, plan) {
    const filter = plan.subjects.length === 1 ? { filter_subject: plan.subjects[0] } : { filter_subjects: plan.subjects };
    return {
        deliver_policy: jetstream_1.DeliverPolicy.All,
        max_ack_pending: settings.maxAckPending,
        ...settings.consumerConfig,
        ack_wait: nanos(settings.ackWaitMs),
        durable_name: plan.name,
        ack_policy: jetstream_1.AckPolicy.Explicit,
        max_deliver: -1,
        ...filter,
    };
}
/** Creates or updates each planned consumer (`ensureConsumer`), or checks that it exists and cannot drop messages. */
async function provisionConsumers(jsm, settings, plans, maxDeliveries) {
    for (const plan of plans) {
        const existing = await consumerInfo(jsm, settings.stream, plan.name);
        if (!settings.ensureConsumer) {
            if (!existing)
                throw new nats_errors_1.NatsMissingResourceError('consumer', `${settings.stream}/${plan.name}`, `create it (filtering ${plan.subjects.join(', ')}), or set the option ensureConsumer`);
            checkConsumer(existing, maxDeliveries);
            continue;
        }
        const config = consumerConfig(settings, plan);
        if (!existing) {
            await jsm.consumers.add(settings.stream, config);
        }
        else if (Object.entries(config).some(([key, value]) => JSON.stringify(existing.config[key]) !== JSON.stringify(value))) {
            const { durable_name: _durable, deliver_policy: _deliver, ...update } = config;
            await jsm.consumers.update(settings.stream, plan.name, update);
        }
    }
}
function checkConsumer(info, maxDeliveries) {
    const where = `consumer "${info.stream_name}/${info.name}"`;
    if (info.config.ack_policy !== jetstream_1.AckPolicy.Explicit)
        throw new nats_errors_1.NatsConsumerConfigError(`${where} has ack_policy "${info.config.ack_policy}"; nestjs-ack needs "explicit"`);
    const max = info.config.max_deliver ?? -1;
    if (max > 0 && max <= maxDeliveries) {
        throw new nats_errors_1.NatsConsumerConfigError(`${where} has max_deliver ${max}: the server would drop messages after ${max} deliveries before nestjs-ack dead-letters them at retry.maxDeliveries=${maxDeliveries}; set it to -1`);
    }
    if (info.config.deliver_subject)
        throw new nats_errors_1.NatsConsumerConfigError(`${where} is a push consumer; nestjs-ack needs a pull consumer`);
}
async function streamInfo(jsm, stream) {
    try {
        return await jsm.streams.info(stream);
    }
    catch (error) {
        if (isNotFound(error))
            return undefined;
        throw error;
    }
}
async function consumerInfo(jsm, stream, consumer) {
    try {
        return await jsm.consumers.info(stream, consumer);
    }
    catch (error) {
        if (isNotFound(error))
            return undefined;
        throw error;
    }
}
/** JetStream's "stream not found" (10059) and "consumer not found" (10014). */
function isNotFound(error) {
    return error instanceof jetstream_1.JetStreamApiError && (error.code === 10059 || error.code === 10014 || error.status === 404);
}
//# sourceMappingURL=nats-topology.js.map