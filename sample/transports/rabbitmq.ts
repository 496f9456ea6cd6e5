import { connect, type ChannelModel, type GetMessage } from 'amqplib';
import { DeadLetterHeaders } from '../../lib';
import { RabbitAckClient, RabbitAckServer } from '../../lib/rabbitmq';
import { RUN_ID } from '../patterns';
import { patternInBody, type SampleTransport, type StoredDeadLetter } from '../transport';

/** Never printed: it may carry credentials. */
const url = process.env.RABBITMQ_URL ?? 'amqp://guest:guest@127.0.0.1:5672';

/** RabbitMQ: one quorum queue for every pattern, its dead letters in `<queue>.dlq`. */
export async function rabbitTransport(): Promise<SampleTransport> {
  const queue = `sample-${RUN_ID}`;
  const dlq = `${queue}.dlq`;
  const withChannel = async <T>(work: (model: ChannelModel) => Promise<T>): Promise<T> => {
    const model = await connect(url);
    model.on('error', () => undefined);
    try {
      return await work(model);
    } finally {
      await model.close().catch(() => undefined);
    }
  };
  return {
    description: `RabbitMQ (queue ${queue}, dead letters in ${dlq})`,
    server: new RabbitAckServer({ urls: url, queue }),
    client: new RabbitAckClient({ urls: url, queue }),
    publishPoison: () =>
      withChannel(async (model) => {
        const channel = await model.createConfirmChannel();
        channel.sendToQueue(queue, Buffer.from('{ not json'), { persistent: true });
        await channel.waitForConfirms();
      }),
    // Read after the app closed: anything it had not acked is back in the queue's ready count.
    readBroker: () =>
      withChannel(async (model) => {
        const channel = await model.createChannel();
        const { messageCount: ready } = await channel.checkQueue(queue);
        const { messageCount: deadLettered } = await channel.checkQueue(dlq);
        // Each dead letter read without consuming it: fetched unacked, put back when the channel closes.
        const entries: GetMessage[] = [];
        for (let message = await channel.get(dlq); message; message = await channel.get(dlq)) entries.push(message);
        await channel.close();
        const header = (message: GetMessage, name: string) => String(message.properties.headers?.[name] ?? '');
        const deadLetters: StoredDeadLetter[] = entries.map((message) => ({ pattern: patternInBody(message.content) ?? '', reason: header(message, DeadLetterHeaders.REASON) }));
        return {
          lines: [`queue ${queue}: ${ready} message(s) ready`, `dead-letter queue ${dlq}: ${deadLettered} message(s)`],
          unsettled: ready,
          deadLetters,
        };
      }),
    cleanup: () =>
      withChannel(async (model) => {
        const channel = await model.createChannel();
        await channel.deleteQueue(queue);
        await channel.deleteQueue(dlq);
        await channel.deleteExchange(`${queue}.dlx`);
        await channel.close();
      }),
  };
}
