import { Kafka, logLevel, type KafkaConfig } from 'kafkajs';
import { asError, BrokerConfigurationError } from '../core/errors';
import { isLoginRefused } from './kafka-errors';

/**
 * One attempt to reach the cluster, before the server builds its clients:
 * an admin connection without kafkajs' own retries and without its logs (the
 * start's attempts retry and warn once per attempt, see start-attempts.ts).
 * A refused login is a `BrokerConfigurationError`.
 */
export async function probeKafkaCluster(config: KafkaConfig): Promise<void> {
  const kafka = new Kafka({ ...config, retry: { retries: 0 }, logLevel: logLevel.NOTHING, logCreator: () => () => undefined });
  const admin = kafka.admin();
  try {
    await admin.connect();
  } catch (error) {
    if (isLoginRefused(error)) {
      throw new BrokerConfigurationError('Kafka', `the cluster refused the login (${asError(error).message}); check client.sasl (mechanism, user, password) and the user's ACLs`, { cause: error });
    }
    throw error;
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}
