import { uniqueName } from '../test/support/names';
import { report } from './measure';

// The Kafka bench's handler pattern is its topic, fixed when its controller is declared.
process.env.BENCH_KAFKA_TOPIC ??= uniqueName('bench-ack');

// Ratios against the raw client in the same run: absolute numbers depend on
// the machine, the ratio is what a change to nestjs-ack moves.
async function main(): Promise<void> {
  const only = process.argv[2];
  if (!only || only === 'rabbitmq') {
    const { benchRabbitmq } = await import('./rabbitmq.bench.js');
    report('RabbitMQ: consume + ack (quorum queue, prefetch 50)', await benchRabbitmq());
  }
  if (!only || only === 'kafka') {
    const { benchKafka } = await import('./kafka.bench.js');
    report('Kafka: consume + commit (3 partitions)', await benchKafka());
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
