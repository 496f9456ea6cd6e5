import type { INestMicroservice, Type } from '@nestjs/common';
import { NatsAckClient, NatsAckServer, type NatsAckServerOptions } from '../../lib/nats';
import { type NatsAdmin } from './nats-broker';
/** A Nest app on a fresh stream, a client publishing to it, an admin connection, and what the server reported. */
export interface NatsTestApp {
    app: INestMicroservice;
    server: NatsAckServer;
    client: NatsAckClient;
    admin: NatsAdmin;
    stream: string;
    deadLetterStream: string;
    deadLetterPrefix: string;
    /** Status events in order (`connected`, `disconnected`, `reconnecting`). */
    events: string[];
    /** Closes app, client and admin connection and deletes both streams. */
    close(): Promise<void>;
}
/** Starts `module` on a new stream (created by the server: `ensureStream`) consuming the handlers' patterns. */
export declare function startNatsApp(module: Type<unknown>, options?: Partial<NatsAckServerOptions>, prefix?: string): Promise<NatsTestApp>;
