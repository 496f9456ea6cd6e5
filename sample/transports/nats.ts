import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { DeadLetterHeaders } from '../../lib';
import { NatsAckClient, NatsAckServer } from '../../lib/nats';
import { RUN_ID } from '../patterns';
import type { SampleTransport, StoredDeadLetter } from '../transport';

/** Never printed: it may carry credentials. */
const servers = process.env.NATS_URL ?? 'nats://127.0.0.1:4222';

/**
 * NATS JetStream: a stream of this run capturing every pattern's subject,
 * durable pull consumers, dead letters in `<stream>_DLQ`. The broker's view:
 * the consumers' info (pending, ack pending) and the dead-letter stream read back.
 */
export async function natsTransport(patterns: string[]): Promise<SampleTransport> {
  const stream = `SAMPLE_${RUN_ID.toUpperCase()}`;
  const deadLetterStream = `${stream}_DLQ`;
  const deadLetterPrefix = `dead-letter.${stream}.`;
  const nc = await connect({ servers });
  const jsm = await jetstreamManager(nc);
  return {
    description: `NATS JetStream (stream ${stream}, dead letters in ${deadLetterStream})`,
    // `subjects` lists the unhandled pattern too, to show its messages dead-lettered as no-handler.
    server: new NatsAckServer({ servers, stream, ensureStream: true, subjects: patterns, consumer: 'sample' }),
    client: new NatsAckClient({ servers }),
    async publishPoison(subject) {
      await jetstream(nc).publish(subject, Buffer.from('{ not json'));
    },
    async readBroker() {
      const lines: string[] = [];
      let unsettled = 0;
      for await (const info of jsm.consumers.list(stream)) {
        unsettled += info.num_pending + info.num_ack_pending;
        lines.push(`consumer ${info.name}: delivered ${info.delivered.stream_seq}, pending ${info.num_pending}, ack pending ${info.num_ack_pending}, redelivered ${info.num_redelivered}`);
      }
      const { state } = await jsm.streams.info(deadLetterStream);
      const deadLetters: StoredDeadLetter[] = [];
      for (let seq = state.first_seq; state.messages > 0 && seq <= state.last_seq; seq++) {
        const message = await jsm.streams.getMessage(deadLetterStream, { seq });
        if (!message) continue;
        deadLetters.push({ pattern: message.subject.slice(deadLetterPrefix.length), reason: message.header?.get(DeadLetterHeaders.REASON) ?? '' });
      }
      lines.push(`dead-letter stream ${deadLetterStream}: ${state.messages} message(s)`);
      return { lines, unsettled, deadLetters };
    },
    async cleanup() {
      await jsm.streams.delete(stream).catch(() => undefined);
      await jsm.streams.delete(deadLetterStream).catch(() => undefined);
      await nc.close();
    },
  };
}
