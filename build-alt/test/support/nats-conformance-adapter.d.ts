import type { ConformanceAdapter } from '../conformance/adapter';
/**
 * Runs the conformance suite on NATS JetStream: one fresh stream (and its
 * dead-letter stream) per start capturing the test's patterns as subjects;
 * counts from consumer info, dead letters read from the dead-letter stream;
 * both streams deleted at close.
 */
export declare function natsConformanceAdapter(): ConformanceAdapter & {
    canBlockDeadLetters: boolean;
};
