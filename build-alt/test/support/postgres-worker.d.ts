import 'reflect-metadata';
export declare const WORKER_CONCURRENCY = 10;
export declare const WORKER_LEASE_MS = 1500;
