import { Kafka, logLevel, type KafkaConfig } from 'kafkajs';
import { kafkaConnectFailure } from './kafka-errors';

/**
 * One attempt to reach the cluster, before the server builds its clients:
 * an admin connection without kafkajs' own retries and without its logs (the
 * start's attempts retry and warn once per attempt, see start-attempts.ts).
 * A refused login is a `BrokerConfigurationError` (see `kafkaConnectFailure`).
 */
export async function probeKafkaCluster(config: KafkaConfig): Promise<void> {
  const kafka = new Kafka({ ...config, retry: { retries: 0 }, logLevel: logLevel.NOTHING, logCreator: () => () => undefined });
  const admin = kafka.admin();
  try {
    await admin.connect();
  } catch (error) {
    throw kafkaConnectFailure(error);
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}
