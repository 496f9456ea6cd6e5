import type { JetStreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import type { BrokerHealth } from '../core/broker-health';
import type { AckServerStatus } from '../core/settlement-event';

/** What the probe reads from the server at the moment of a check. */
export interface NatsHealthSource {
  stream: string;
  /** The durable consumers the server pulls from. */
  consumers: readonly string[];
  state: AckServerStatus;
  connection: NatsConnection | undefined;
  manager: JetStreamManager | undefined;
  /** Pull subscriptions are open and intake is on. */
  consuming: boolean;
}

/**
 * JetStream consumer info of each durable consumer: `num_pending` (not yet
 * delivered, the `backlog`) and `num_ack_pending` (delivered, not settled).
 * One API request per consumer through the server's own connection.
 */
export async function probeNats(source: NatsHealthSource): Promise<BrokerHealth> {
  const base = { transport: 'nats', state: source.state, consuming: source.consuming };
  const { connection, manager } = source;
  if (!connection || connection.isClosed() || !manager || source.state !== 'connected') return { ...base, connected: false };
  const infos = await Promise.all(source.consumers.map((name) => manager.consumers.info(source.stream, name)));
  const consumers = infos.map((info) => ({ name: info.name, pending: info.num_pending, ackPending: info.num_ack_pending }));
  const backlog = consumers.reduce((sum, { pending }) => sum + pending, 0);
  return { ...base, connected: true, backlog, details: { stream: source.stream, consumers } };
}
