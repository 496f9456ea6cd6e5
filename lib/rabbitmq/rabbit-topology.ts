import type { ChannelModel } from 'amqplib';
import { asError, BrokerConfigurationError } from '../core/errors';
import { RabbitSetupFailedError } from './rabbit-errors';
import type { RabbitServerSettings } from './rabbit-settings';

/** The arguments the consumed queue is declared with. */
export function queueArgumentsOf(settings: RabbitServerSettings): Record<string, unknown> {
  const args: Record<string, unknown> = { 'x-queue-type': settings.queueType };
  if (settings.deadLetter) {
    // Messages the broker itself dead-letters (delivery limit, expiry) land in the same place as ours.
    args['x-dead-letter-exchange'] = settings.deadLetter.exchange;
    args['x-dead-letter-routing-key'] = settings.deadLetter.routingKey;
  }
  return { ...args, ...settings.queueArguments };
}

/**
 * Declares (or, with `noAssert`, only checks) the queue, its bindings and the
 * dead-letter exchange and queue. Runs on a channel of its own, because a
 * failed declaration closes the channel it ran on.
 */
export async function declareTopology(model: ChannelModel, settings: RabbitServerSettings): Promise<void> {
  const channel = await model.createChannel();
  channel.on('error', () => undefined); // the failing call rejects too; reported there
  let step = '';
  try {
    const { queue, deadLetter, exchange } = settings;
    if (settings.noAssert) {
      step = `check queue "${queue}"`;
      await channel.checkQueue(queue);
      if (deadLetter) {
        step = `check dead-letter exchange "${deadLetter.exchange}"`;
        await channel.checkExchange(deadLetter.exchange);
      }
      return;
    }
    if (deadLetter) {
      step = `declare dead-letter exchange "${deadLetter.exchange}"`;
      await channel.assertExchange(deadLetter.exchange, 'direct', { durable: true });
      step = `declare dead-letter queue "${deadLetter.queue}"`;
      await channel.assertQueue(deadLetter.queue, { durable: true, arguments: { 'x-queue-type': settings.queueType } });
      step = `bind dead-letter queue "${deadLetter.queue}"`;
      await channel.bindQueue(deadLetter.queue, deadLetter.exchange, deadLetter.routingKey);
    }
    step = `declare queue "${queue}"`;
    await channel.assertQueue(queue, { durable: true, arguments: queueArgumentsOf(settings) });
    if (exchange) {
      step = `declare exchange "${exchange.name}"`;
      await channel.assertExchange(exchange.name, exchange.type, { durable: true });
      for (const key of exchange.routingKeys) {
        step = `bind queue "${queue}" to "${exchange.name}" with "${key}"`;
        await channel.bindQueue(queue, exchange.name, key);
      }
    }
  } catch (error) {
    const detail = asError(error).message;
    const refusal = refusalHint(error);
    // A refusal is the broker's answer about our set-up: retrying cannot change it.
    if (refusal !== undefined) throw new BrokerConfigurationError('RabbitMQ', `could not ${step}: ${detail}${refusal}`, { cause: error });
    throw new RabbitSetupFailedError(`could not ${step}: ${detail}`, { cause: error });
  } finally {
    await channel.close().catch(() => undefined);
  }
}

/** What to change for the broker's refusals (amqplib's `code`: the AMQP reply code 406, 403 or 404); undefined for anything else. */
function refusalHint(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 406) return ' (it exists with other arguments: match queueType/deadLetter/queueArguments, or set noAssert: true to use it as it is)';
  if (code === 403) return ' (the user lacks the configure/write/read permission on it: grant it with rabbitmqctl set_permissions, or declare the topology beforehand and set noAssert: true)';
  if (code === 404) return ' (declare it, or leave noAssert off so the server declares it)';
  return undefined;
}
