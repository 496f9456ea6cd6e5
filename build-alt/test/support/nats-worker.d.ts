import 'reflect-metadata';
/** The worker's pull window: at most this many delivered and not settled. */
export declare const NATS_WORKER_BATCH = 20;
export declare const NATS_WORKER_ACK_WAIT_MS = 2000;
