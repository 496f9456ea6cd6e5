import { type INestMicroservice, type Type } from '@nestjs/common';
import { type AckPolicy as AckPolicyValue } from '../../lib/core';
import { KafkaAckContext, KafkaAckServer, type KafkaAckServerOptions } from '../../lib/kafka';
export type KafkaTestHandler = (data: any, context: KafkaAckContext) => unknown;
/** A module with one handler on `topic` under `policy`, with AckModule's filter. */
export declare function handlerModule(topic: string, handler: KafkaTestHandler, policy?: AckPolicyValue, kind?: 'event' | 'message'): Type<unknown>;
/** Starts a Nest microservice on a `KafkaAckServer` with fast test settings. */
export declare function startKafkaApp(module: Type<unknown>, options: Partial<KafkaAckServerOptions> & {
    groupId: string;
}): Promise<{
    app: INestMicroservice;
    server: KafkaAckServer;
}>;
