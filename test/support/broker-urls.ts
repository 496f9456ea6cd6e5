import { TRANSPORTS, type BrokerTransportId, type SharedBroker } from '../transports';

/** The shared broker's address: its environment variable, else this machine's default (test/transports.ts). */
function brokerUrl(broker: SharedBroker): string {
  return process.env[broker.env] ?? broker.defaultUrl;
}

/** Broker addresses for tests and scripts, by transport id; Kafka's is a comma-separated list (`kafkaBrokers`). */
export const brokerUrls = Object.fromEntries(
  TRANSPORTS.flatMap((entry) => ('broker' in entry ? [[entry.id, brokerUrl(entry.broker)]] : [])),
) as Record<BrokerTransportId, string>;

/** The Kafka brokers of `KAFKA_BROKERS`, one address each. */
export const kafkaBrokers = brokerUrls.kafka.split(',').map((broker) => broker.trim());
