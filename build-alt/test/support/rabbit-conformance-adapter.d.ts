import type { LogLevel } from '@nestjs/common';
import type { ConformanceAdapter } from '../conformance/adapter';
/** Nest log levels for test apps: quiet unless TEST_LOG=1. */
export declare const testLogLevels: LogLevel[] | false;
/**
 * Runs the conformance suite on RabbitMQ: one fresh quorum queue (and its
 * `.dlq`/`.dlx`) per start, all the test's patterns on it; counts and dead
 * letters read from the broker; everything deleted at close.
 */
export declare function rabbitConformanceAdapter(options?: {
    queueType?: 'quorum' | 'classic';
}): ConformanceAdapter;
