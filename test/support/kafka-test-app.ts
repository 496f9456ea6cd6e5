import { Controller, Module, type INestMicroservice, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Ctx, EventPattern, MessagePattern, Payload } from '@nestjs/microservices';
import { AckPolicy, type AckPolicy as AckPolicyValue } from '../../lib/core';
import { AckModule } from '../../lib/module';
import { KafkaAckContext, KafkaAckServer, type KafkaAckServerOptions } from '../../lib/kafka';
import { FAST_KAFKA } from '../conformance/adapters/kafka';
import { KAFKA_BROKERS } from './kafka-broker';
import { testLogLevels } from '../conformance/adapters/rabbitmq';

export type KafkaTestHandler = (data: any, context: KafkaAckContext) => unknown;

/** A module with one handler on `topic` under `policy`, with AckModule's filter. */
export function handlerModule(topic: string, handler: KafkaTestHandler, policy?: AckPolicyValue, kind: 'event' | 'message' = 'event'): Type<unknown> {
  @Controller()
  class TopicController {
    handle(@Payload() data: unknown, @Ctx() context: KafkaAckContext): unknown {
      return handler(data, context);
    }
  }
  const proto = TopicController.prototype;
  const descriptor = Object.getOwnPropertyDescriptor(proto, 'handle')!;
  (kind === 'event' ? EventPattern<string>(topic) : MessagePattern<string>(topic))(proto, 'handle', descriptor);
  if (policy) (AckPolicy(policy) as MethodDecorator)(proto, 'handle', descriptor);
  @Module({ imports: [AckModule.forRoot()], controllers: [TopicController] })
  class TopicModule {}
  return TopicModule;
}

/** Starts a Nest microservice on a `KafkaAckServer` with fast test settings. */
export async function startKafkaApp(module: Type<unknown>, options: Partial<KafkaAckServerOptions> & { groupId: string }): Promise<{ app: INestMicroservice; server: KafkaAckServer }> {
  const server = new KafkaAckServer({ ...FAST_KAFKA, brokers: KAFKA_BROKERS, fromBeginning: true, ...options });
  const app = await NestFactory.createMicroservice(module, { strategy: server, logger: testLogLevels });
  await app.listen();
  return { app, server };
}
