import { type Type } from '@nestjs/common';
import { AckPolicy, type RetryOptions } from '../../lib/core';
/** Every handler outcome of the matrix. */
export declare const BEHAVIORS: readonly ['completes', 'throws Error', 'throws RpcException', 'throws AckMessage in a service', 'throws NackMessage in a service', 'throws RejectMessage in a service', 'throws Error in a guard', 'throws RejectMessage in a guard', 'throws Error in an interceptor', 'throws NackMessage in an interceptor', 'throws Error in a pipe', 'throws AckMessage in a pipe', 'manual ack then throw', 'double ack', 'settles after returning'];
/** Outcomes outside the matrix, for targeted tests. */
export declare const EXTRA_BEHAVIORS: readonly ['creates AckMessage, then throws Error', 'catches a thrown NackMessage, then completes', 'catches a thrown AckMessage, then throws Error'];
export type Behavior = (typeof BEHAVIORS)[number] | (typeof EXTRA_BEHAVIORS)[number];
/** Where the exception filter comes from. */
export type FilterSetup = 'global' | 'controller' | 'none';
export interface CellSpec {
    pattern: string;
    kind: 'event' | 'message';
    behavior: Behavior;
    methodPolicy?: AckPolicy;
    controllerPolicy?: AckPolicy;
    retry?: RetryOptions;
    filter?: FilterSetup;
    /** Fails deliveries below this count, then completes (retry tests). */
    failUntilDelivery?: number;
    /** NackMessage delay thrown while failing (retry tests). */
    nackDelayMs?: number;
}
export interface CellData {
    n: number;
}
/** Three levels deep with awaits between, so control exceptions cross async boundaries. */
export declare class DeepService {
    run(fail: () => never): Promise<never>;
    private level2;
}
/** A Nest module with one controller per cell, the filter set up as the cells ask. */
export declare function buildModule(cells: CellSpec[]): Type<unknown>;
