import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { uniqueName } from '../support/names';
import { deleteRabbitTopology, withRabbit } from '../support/rabbit-broker';
import { runChild } from '../support/run-child';

const CHILD = join(__dirname, '../support/close-during-start-child.js');

for (const transport of ['in-memory', 'rabbitmq'] as const) {
  describe(`${transport}: a close during listen() lets the process exit by itself`, () => {
    const queues: string[] = [];
    after(async () => {
      if (transport === 'rabbitmq') for (const queue of queues) await deleteRabbitTopology(queue).catch(() => undefined);
    });
    for (const delayMs of [0, 10, 50, 200, 400]) {
      it(`closed ${delayMs} ms into the start`, async () => {
        const queue = uniqueName('close-start');
        queues.push(queue);
        const { code, output } = await runChild(CHILD, [transport, queue, String(delayMs)]);
        assert.equal(code, 0, output);
        assert.match(output, /^listen: (started|ClosedDuringStartError)$/m, 'listen() settled');
        assert.match(output, /^closed$/m);
        if (transport === 'rabbitmq') {
          const consumers = await withRabbit(async (model) => {
            const channel = await model.createChannel();
            return (await channel.checkQueue(queue).catch(() => ({ consumerCount: 0 }))).consumerCount;
          });
          assert.equal(consumers, 0, 'no consumer left on the queue');
        }
      });
    }
  });
}
