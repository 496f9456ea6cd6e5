import { InMemoryAckClient, InMemoryAckServer, InMemoryBroker } from '../../lib/testing';
import { countInto, patternInBody, type SampleTransport } from '../transport';

/** Keeps every body, so that the history's acks and nacks can be told apart by pattern. */
class RecordingBroker extends InMemoryBroker {
  readonly bodies = new Map<number, Buffer>();

  override publish(queueName: string, body: Buffer, options?: Parameters<InMemoryBroker['publish']>[2]): number {
    const id = super.publish(queueName, body, options);
    this.bodies.set(id, body);
    return id;
  }
}

/** No broker needed: the in-memory transport of `nestjs-ack/testing`, one queue for every pattern. */
export async function inMemoryTransport(): Promise<SampleTransport> {
  const broker = new RecordingBroker();
  const queue = 'orders';
  const client = new InMemoryAckClient({ broker, queue });
  return {
    description: `the in-memory broker (queue "${queue}")`,
    server: new InMemoryAckServer({ broker, queue }),
    client,
    async publishPoison() {
      client.publishRaw(Buffer.from('{ not json'));
    },
    async readBroker() {
      const state = broker.state(queue);
      // The history says what happened to each message: its pattern comes from its body.
      const patternOf = (messageId: number) => patternInBody(broker.bodies.get(messageId) ?? Buffer.alloc(0)) ?? '';
      const ackedByPattern: Record<string, number> = {};
      const retriedByPattern: Record<string, number> = {};
      for (const event of state.history) {
        if (event.type === 'acked') countInto(ackedByPattern, patternOf(event.messageId));
        if (event.type === 'nacked') countInto(retriedByPattern, patternOf(event.messageId));
      }
      return {
        lines: [`queue "${queue}": ready=${state.ready} unacked=${state.unacked} delayed=${state.delayed} dead-lettered=${state.deadLetters.length}`],
        unsettled: state.ready + state.unacked + state.delayed,
        deadLetters: state.deadLetters.map((letter) => ({ pattern: patternInBody(letter.body) ?? '', reason: letter.reason })),
        ackedByPattern,
        retriedByPattern,
      };
    },
    async cleanup() {},
  };
}
