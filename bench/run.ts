import { report } from './measure';
import { benchRabbitmq } from './rabbitmq.bench';

// Ratios against the raw client in the same run: absolute numbers depend on
// the machine, the ratio is what a change to nestjs-ack moves.
async function main(): Promise<void> {
  const only = process.argv[2];
  if (!only || only === 'rabbitmq') report('RabbitMQ: consume + ack (quorum queue, prefetch 50)', await benchRabbitmq());
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
