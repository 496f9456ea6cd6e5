import assert from 'node:assert/strict';
import { describe, it, mock } from 'node:test';
import type { RabbitMessage, RabbitSession } from '../../../lib/rabbitmq';
import { RabbitDelayedNacks } from '../../../lib/rabbitmq/rabbit-delayed-nacks';

const session = (): RabbitSession => ({ open: true } as RabbitSession);
const message = (s: RabbitSession): RabbitMessage => ({ session: s } as RabbitMessage);

describe('delayed nacks', () => {
  it('requeue after the delay, once', () => {
    mock.timers.enable({ apis: ['setTimeout'] });
    try {
      const nacks = new RabbitDelayedNacks(() => assert.fail('no error expected'));
      const calls: string[] = [];
      nacks.schedule(message(session()), 100, async () => void calls.push('a'));
      mock.timers.tick(99);
      assert.deepEqual(calls, []);
      mock.timers.tick(1);
      assert.deepEqual(calls, ['a']);
      assert.equal(nacks.size, 0);
    } finally {
      mock.timers.reset();
    }
  });

  it('flush requeues everything now (at close)', async () => {
    const nacks = new RabbitDelayedNacks(() => assert.fail('no error expected'));
    const calls: string[] = [];
    nacks.schedule(message(session()), 600_000, async () => void calls.push('a'));
    nacks.schedule(message(session()), 600_000, async () => void calls.push('b'));
    await nacks.flush();
    assert.deepEqual(calls.sort(), ['a', 'b']);
    assert.equal(nacks.size, 0);
  });

  it("drops a closed channel's messages without touching them (the broker requeued them)", async () => {
    const nacks = new RabbitDelayedNacks(() => assert.fail('no error expected'));
    const dead = session();
    const calls: string[] = [];
    nacks.schedule(message(dead), 600_000, async () => void calls.push('dead'));
    nacks.schedule(message(session()), 600_000, async () => void calls.push('live'));
    nacks.dropSession(dead);
    await nacks.flush();
    assert.deepEqual(calls, ['live']);
  });

  it('reports a failed requeue instead of throwing', async () => {
    const errors: unknown[] = [];
    const nacks = new RabbitDelayedNacks((error) => errors.push(error));
    nacks.schedule(message(session()), 600_000, async () => {
      throw new Error('channel closed');
    });
    await nacks.flush();
    assert.equal((errors[0] as Error).message, 'channel closed');
  });
});
