import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { connect, type ChannelModel, type GetMessage } from 'amqplib';
import { DeadLetterHeaders } from '../../lib/core';

const run = promisify(execFile);

/** The broker under test; never printed (it may carry credentials). */
export const RABBITMQ_URL = process.env.RABBITMQ_URL ?? 'amqp://guest:guest@127.0.0.1:5672';

/** Ready and unacked messages of one queue, as the broker counts them right now. */
export interface QueueDepth {
  ready: number;
  unacked: number;
}

/**
 * Real-time depth of a queue, read from the broker. `rabbitmqctl list_queues`
 * is not enough for quorum queues: their counts there are metrics refreshed
 * every ~5 s. So this asks the queue itself through `rabbitmqctl eval`: the
 * quorum queue's Raft state machine on its leader (`rabbit_fifo` ready and
 * checked-out counts) or the classic queue process. Returns undefined when the
 * queue does not exist.
 */
export async function queueDepth(queue: string, vhost = '/'): Promise<QueueDepth | undefined> {
  if (!/^[\w.:-]+$/.test(queue) || !/^[\w./-]+$/.test(vhost)) throw new Error(`queueDepth: unsupported queue name ${JSON.stringify(queue)}`);
  const expr = [
    `case rabbit_amqqueue:lookup(rabbit_misc:r(<<"${vhost}">>, queue, <<"${queue}">>)) of`,
    '{error, not_found} -> missing;',
    '{ok, Q} -> case amqqueue:get_type(Q) of',
    '  rabbit_quorum_queue -> L = amqqueue:get_pid(Q),',
    '    {ok, {_, R}, _} = ra:local_query(L, fun rabbit_fifo:query_messages_ready/1),',
    '    {ok, {_, C}, _} = ra:local_query(L, fun rabbit_fifo:query_messages_checked_out/1), {R, C};',
    '  _ -> [{_, R}, {_, U}] = rabbit_amqqueue:info(Q, [messages_ready, messages_unacknowledged]), {R, U}',
    'end end.',
  ].join(' ');
  const { stdout } = await run('rabbitmqctl', ['eval', expr], { timeout: 30_000 });
  const text = stdout.trim();
  if (text === 'missing') return undefined;
  const match = /^\{(\d+),(\d+)\}$/.exec(text);
  if (!match) throw new Error(`queueDepth: unexpected rabbitmqctl answer ${JSON.stringify(text.slice(0, 200))}`);
  return { ready: Number(match[1]), unacked: Number(match[2]) };
}

/** Ready + unacked (0 when the queue is gone). */
export async function outstandingIn(queue: string): Promise<number> {
  const depth = await queueDepth(queue);
  return depth ? depth.ready + depth.unacked : 0;
}

/** A short-lived connection for test-side broker work. */
export async function withRabbit<T>(work: (model: ChannelModel) => Promise<T>): Promise<T> {
  const model = await connect(RABBITMQ_URL);
  model.on('error', () => undefined);
  try {
    return await work(model);
  } finally {
    await model.close().catch(() => undefined);
  }
}

/**
 * Every message of a queue without consuming it: fetched unacked, then the
 * channel closes and the broker puts them all back.
 */
export async function peekQueue(queue: string, limit = 10_000): Promise<GetMessage[]> {
  return withRabbit(async (model) => {
    const channel = await model.createChannel();
    channel.on('error', () => undefined);
    const messages: GetMessage[] = [];
    for (let i = 0; i < limit; i++) {
      const message = await channel.get(queue, { noAck: false });
      if (!message) break;
      messages.push(message);
    }
    await channel.close().catch(() => undefined);
    return messages;
  });
}

/** Deletes the queue and its default dead-letter queue and exchange (`<queue>.dlq`, `<queue>.dlx`), and any extra names given. */
export async function deleteRabbitTopology(queue: string, extra: { queues?: string[]; exchanges?: string[] } = {}): Promise<void> {
  await withRabbit(async (model) => {
    for (const name of [queue, `${queue}.dlq`, ...(extra.queues ?? [])]) {
      const channel = await model.createChannel();
      channel.on('error', () => undefined);
      await channel.deleteQueue(name).catch(() => undefined);
      await channel.close().catch(() => undefined);
    }
    for (const name of [`${queue}.dlx`, ...(extra.exchanges ?? [])]) {
      const channel = await model.createChannel();
      channel.on('error', () => undefined);
      await channel.deleteExchange(name).catch(() => undefined);
      await channel.close().catch(() => undefined);
    }
  });
}

/** The x-dead-letter-* headers of a DLQ entry, decoded. */
export function deadLetterFields(message: GetMessage) {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(message.properties.headers ?? {})) {
    if (name === 'x-delivery-count' || name === 'x-acquired-count') continue; // set by the DLQ itself when re-read
    headers[name] = Buffer.isBuffer(value) ? value.toString('utf8') : typeof value === 'string' ? value : JSON.stringify(value);
  }
  const text = (name: string) => headers[name];
  return {
    body: message.content,
    headers,
    reason: text(DeadLetterHeaders.REASON) ?? '',
    errorName: text(DeadLetterHeaders.ERROR_NAME),
    errorMessage: text(DeadLetterHeaders.ERROR_MESSAGE),
    deliveryCount: Number(text(DeadLetterHeaders.DELIVERY_COUNT) ?? NaN),
    source: JSON.parse(text(DeadLetterHeaders.SOURCE) ?? '{}') as Record<string, string | number>,
    firstFailureAt: text(DeadLetterHeaders.FIRST_FAILURE_AT),
    lastFailureAt: text(DeadLetterHeaders.LAST_FAILURE_AT),
  };
}

/** Runs `rabbitmqctl` (as root in this environment). */
export async function rabbitmqctl(...args: string[]): Promise<string> {
  const { stdout } = await run('rabbitmqctl', args, { timeout: 120_000 });
  return stdout;
}
