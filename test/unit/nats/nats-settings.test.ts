import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InvalidOptionError } from '../../../lib/core';
import { NatsAckClient, NatsAckServer } from '../../../lib/nats';
import { resolveNatsSettings } from '../../../lib/nats/nats-settings';

const rejects = (options: object, option: string) =>
  assert.throws(() => resolveNatsSettings(options as never, 10), (error: InvalidOptionError) => {
    assert.ok(error instanceof InvalidOptionError, String(error));
    assert.equal(error.option, option);
    assert.equal(error.code, 'ACK_INVALID_OPTION');
    return true;
  });

describe('NATS server options', () => {
  it('defaults: local server, consumer nestjs-ack, ack_wait 30 s, dead letters to <stream>_DLQ', () => {
    const settings = resolveNatsSettings({ stream: 'ORDERS' }, 10);
    assert.deepEqual(settings.servers, ['nats://127.0.0.1:4222']);
    assert.equal(settings.consumer, 'nestjs-ack');
    assert.equal(settings.ackWaitMs, 30_000);
    assert.equal(settings.batchSize, 10, 'one batch of concurrency');
    assert.equal(settings.ensureStream, false);
    assert.equal(settings.ensureConsumer, true);
    assert.deepEqual(settings.deadLetter, { stream: 'ORDERS_DLQ', subjectPrefix: 'dead-letter.ORDERS', publishTimeoutMs: 5000 });
  });

  it('ensureStream true becomes an empty stream configuration; deadLetter false turns dead-lettering off', () => {
    const settings = resolveNatsSettings({ stream: 'ORDERS', ensureStream: true, deadLetter: false }, 1);
    assert.deepEqual(settings.ensureStream, {});
    assert.equal(settings.deadLetter, false);
  });

  it('an existing connection needs no servers', () => {
    const settings = resolveNatsSettings({ stream: 'S', connection: {} as never, servers: 'not a url' }, 1);
    assert.deepEqual(settings.servers, []);
  });

  it('names the bad option', () => {
    rejects({}, 'stream');
    rejects({ stream: 'has.dot' }, 'stream');
    rejects({ stream: 'S', consumer: 'a b' }, 'consumer');
    rejects({ stream: 'S', ackWaitMs: 10 }, 'ackWaitMs');
    rejects({ stream: 'S', maxAckPending: 0 }, 'maxAckPending');
    rejects({ stream: 'S', batchSize: 1.5 }, 'batchSize');
    rejects({ stream: 'S', subjects: [] }, 'subjects');
    rejects({ stream: 'S', subjects: ['a b'] }, 'subjects');
    rejects({ stream: 'S', subjects: ['a.>.b'] }, 'subjects');
    rejects({ stream: 'S', ensureStream: 'yes' }, 'ensureStream');
    rejects({ stream: 'S', ensureConsumer: 1 }, 'ensureConsumer');
    rejects({ stream: 'S', servers: [] }, 'servers');
    rejects({ stream: 'S', deadLetter: { stream: 'S' } }, 'deadLetter.stream');
    rejects({ stream: 'S', deadLetter: { subjectPrefix: 'dl.*' } }, 'deadLetter.subjectPrefix');
    rejects({ stream: 'S', deadLetter: 'DLQ' }, 'deadLetter');
  });

  it('refuses consumer settings the contract owns (max_deliver, ack_policy...)', () => {
    rejects({ stream: 'S', consumerConfig: { max_deliver: 3 } }, 'consumerConfig.max_deliver');
    rejects({ stream: 'S', consumerConfig: { ack_policy: 'none' } }, 'consumerConfig.ack_policy');
  });

  it('credentials in a server URL are not in the error', () => {
    assert.throws(() => resolveNatsSettings({ stream: 'S', servers: ['nats://user:secret@host:4222', 'bad url'] } as never, 1), (error: Error) => {
      assert.doesNotMatch(error.message, /secret/);
      return true;
    });
  });

  it('the server constructor checks the options', () => {
    assert.throws(() => new NatsAckServer({ stream: 'S', concurrency: 0 }), /concurrency/);
    assert.throws(() => new NatsAckServer({} as never), { name: 'InvalidOptionError', code: 'ACK_INVALID_OPTION', option: 'stream' });
  });
});

describe('NATS servers option: credentials never in the error (issue 26 item 11)', () => {
  // `user:pass@host` without a scheme is a valid entry of nats.js; beside a bad entry (or bad itself) it must not be echoed.
  const cases: Array<[string, unknown]> = [
    ['a user:pass@host entry beside a bad one', ['user:s3cr3t-pw@host:4222', 'bad url']],
    ['a user:pass@host entry that is itself bad', ['user:s3cr3t-pw@host/path']],
    ['a comma-separated string', 'user:s3cr3t-pw@host:4222, bad url'],
    ['a token@host entry', ['s3cr3t-pw@host:4222', '']],
  ];
  for (const [label, servers] of cases) {
    it(`server option servers: ${label} is redacted in the InvalidOptionError`, () => {
      assert.throws(() => new NatsAckServer({ stream: 'S', servers } as never), (error: InvalidOptionError) => {
        assert.ok(error instanceof InvalidOptionError, String(error));
        assert.equal(error.option, 'servers');
        assert.doesNotMatch(error.message, /s3cr3t/);
        assert.match(error.message, /\*\*\*@host/, 'the host is still named');
        return true;
      });
    });
    it(`client option servers: ${label} is redacted in the InvalidOptionError`, () => {
      assert.throws(() => new NatsAckClient({ servers } as never), (error: InvalidOptionError) => {
        assert.ok(error instanceof InvalidOptionError, String(error));
        assert.doesNotMatch(error.message, /s3cr3t/);
        return true;
      });
    });
  }
});
