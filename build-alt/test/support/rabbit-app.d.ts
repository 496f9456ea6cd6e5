import type { INestMicroservice, Type } from '@nestjs/common';
import { RabbitAckClient, RabbitAckServer, type RabbitAckServerOptions } from '../../lib/rabbitmq';
/** A Nest app on a fresh queue, a client publishing to it, and what the server reported. */
export interface RabbitTestApp {
    app: INestMicroservice;
    server: RabbitAckServer;
    client: RabbitAckClient;
    queue: string;
    /** Status events in order (`connected`, `disconnected`, `reconnecting`). */
    events: string[];
    /** Closes app and client and deletes the queue, its `.dlq` and `.dlx`. */
    close(): Promise<void>;
}
export declare function startRabbitApp(module: Type<unknown>, options?: Partial<RabbitAckServerOptions>, prefix?: string): Promise<RabbitTestApp>;
