import type { ChannelModel } from 'amqplib';
import { asError, BrokerConfigurationError } from '../core/errors';

/**
 * A routing key no queue can have (`amq.` names are the broker's own): the
 * check's publish is validated, then dropped unrouted.
 */
const NOWHERE = 'amq.nestjs-ack.user-id-check';

/**
 * Checks, on a channel of its own, that the broker takes `userId` as this
 * connection's AMQP `user-id`: a classic queue's republished copies carry it,
 * and a mismatch would otherwise close the publish channel at the first nack.
 * Throws `BrokerConfigurationError` naming the option when the broker refuses.
 */
export async function checkUserId(model: ChannelModel, userId: string): Promise<void> {
  const channel = await model.createConfirmChannel();
  let closedWith: Error | undefined;
  channel.on('error', (error: Error) => (closedWith = error));
  try {
    await new Promise<void>((resolve, reject) => {
      channel.publish('', NOWHERE, Buffer.alloc(0), { userId }, (error: unknown) => (error ? reject(closedWith ?? asError(error)) : resolve()));
    });
  } catch (error) {
    throw new BrokerConfigurationError('RabbitMQ', `the broker refused user-id ${JSON.stringify(userId)} on this connection (${asError(closedWith ?? error).message}); set the option userId to the user the broker authenticates this connection as`, { cause: closedWith ?? error });
  } finally {
    await channel.close().catch(() => undefined);
  }
}
