/**
 * A broker process of one test file (nats-server, redis-server) on a port of
 * its own: killed and started again without touching the shared brokers.
 */
export declare class PrivateServer {
    private readonly command;
    private readonly args;
    readonly port: number;
    /** Runs the process as this user (PostgreSQL refuses root). */
    private readonly user?;
    private child?;
    constructor(command: string, args: string[], port: number, 
    /** Runs the process as this user (PostgreSQL refuses root). */
    user?: {
        uid: number;
        gid: number;
    } | undefined);
    /** Starts the process; resolves once the port accepts connections. */
    start(): Promise<void>;
    /** Sends `signal` (SIGKILL unless told); resolves once the process is gone. */
    kill(signal?: NodeJS.Signals): Promise<void>;
}
