import { NestFactory } from '@nestjs/core';
import { lastValueFrom } from 'rxjs';
import { InMemoryAckClient, InMemoryAckServer, InMemoryBroker } from '../../../lib/testing';
import type { ConformanceAdapter, ConformanceTarget, DeadLetterView } from '../adapter';
import { uniqueName } from '../../support/names';

function toView(record: InMemoryBroker['state'] extends (q: string) => infer S ? S extends { deadLetters: (infer R)[] } ? R : never : never): DeadLetterView {
  return {
    body: record.body,
    headers: record.headers,
    reason: record.reason,
    errorName: record.errorName,
    errorMessage: record.errorMessage,
    deliveryCount: record.deliveryCount,
    source: record.source,
  };
}

/** One broker per app, one queue: `outstanding` and `deadLetters` read that broker's queue state. */
export const inMemoryConformanceAdapter: ConformanceAdapter = {
  name: 'the in-memory transport',
  canBlockDeadLetters: true,
  async start({ module, serverOptions, listen }) {
    const broker = new InMemoryBroker();
    const queue = uniqueName('queue');
    const server = new InMemoryAckServer({ ...serverOptions, broker, queue });
    const app = await NestFactory.createMicroservice(module, { strategy: server, logger: false });
    if (listen !== false) await app.listen();
    const client = new InMemoryAckClient({ broker, queue });
    let closed = false;
    const target: ConformanceTarget = {
      app,
      server,
      emit: async (pattern, data) => {
        await lastValueFrom(client.emit(pattern, data), { defaultValue: undefined });
      },
      send: (pattern, data) => lastValueFrom(client.send(pattern, data)),
      publishRaw: async (_pattern, body) => {
        client.publishRaw(body);
      },
      publishForged: async (_pattern, body, forged) => {
        broker.publish(queue, body, forged);
      },
      outstanding: async () => {
        const state = broker.state(queue);
        return state.ready + state.unacked + state.delayed;
      },
      deadLetters: async () => broker.state(queue).deadLetters.map(toView),
      consumers: async () => broker.state(queue).consumers,
      blockDeadLetters: async (_pattern, blocked) => broker.blockDeadLetters(queue, blocked),
      close: async () => {
        if (closed) return;
        closed = true;
        client.close();
        await app.close();
      },
    };
    return target;
  },
};
