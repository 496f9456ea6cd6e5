/** Broker addresses for tests and scripts: environment variables, with this machine's local defaults. */
export declare const brokerUrls: {
    rabbitmq: string;
    nats: string;
    redis: string;
    postgres: string;
    kafka: string[];
};
