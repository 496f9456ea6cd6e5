/**
 * Private broker nodes of one test file (scripts/cluster.sh): their own name,
 * ports and folder, so stopping them never touches the shared brokers.
 */
export declare class PrivateCluster {
    private readonly transport;
    private readonly env;
    constructor(transport: 'rabbitmq' | 'kafka', env: {
        CLUSTER_NAME: string;
        RABBIT_PORT_BASE?: string;
        KAFKA_PORT_BASE?: string;
    });
    /** Address of node 1: an AMQP URL for RabbitMQ, `host:port` for Kafka. */
    get address(): string;
    /** Starts one node (stopping a set of this name that was left running). */
    start(): Promise<string>;
    /** SIGKILL to node 1; returns once its process is gone. */
    kill(): Promise<string>;
    /** Starts node 1 again; returns once it answers. */
    revive(): Promise<string>;
    /** Stops every node and deletes the folder. */
    stop(): Promise<string>;
    private sh;
}
