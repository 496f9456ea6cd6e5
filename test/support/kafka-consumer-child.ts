// A consumer process for the kill tests: one KafkaAckServer in group GROUP_ID on TOPIC,
// handling `{ id }` events after HANDLER_DELAY_MS and reporting each to the parent over IPC.
import 'reflect-metadata';
import { handlerModule, startKafkaApp } from './kafka-test-app';

async function main(): Promise<void> {
  const topic = process.env.TOPIC!;
  const delayMs = Number(process.env.HANDLER_DELAY_MS ?? '5');
  const module = handlerModule(topic, async (data: { id: number }, context) => {
    await new Promise((resolve) => setTimeout(resolve, delayMs));
    process.send?.({ type: 'handled', id: data.id, partition: context.getPartition(), offset: context.getOffset(), pid: process.pid });
  }, 'ACK');
  const { app } = await startKafkaApp(module, { groupId: process.env.GROUP_ID!, concurrency: 4 });
  process.once('SIGTERM', () => void app.close().finally(() => process.exit(0)));
  process.send?.({ type: 'ready', pid: process.pid });
}

main().catch((error) => {
  process.send?.({ type: 'error', message: String(error?.message ?? error) });
  process.exit(1);
});
