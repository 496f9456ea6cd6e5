import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DeadLetterRefusedError, DeliveryGoneError, type DeadLetterRecord } from '../../../lib/core';
import { NatsCommands, type NatsMessage } from '../../../lib/nats';
import { featuresOf } from '../../../lib/nats/nats-version';

/** A JsMsg stand-in that records the settle calls. */
function fakeMessage(calls: string[]): NatsMessage {
  const raw = {
    ack: () => calls.push('ack'),
    ackAck: async () => (calls.push('ackAck'), true),
    nak: (ms?: number) => calls.push(`nak ${ms}`),
    term: (reason?: string) => calls.push(`term ${reason}`),
    working: () => calls.push('working'),
  };
  return { raw, subject: 'orders.created', consumer: 'c', body: Buffer.from('{}'), headers: { 'Nats-Msg-Id': 'orig', tenant: 'acme' }, deliveryCount: 2, source: { stream: 'S', sequence: 7 }, key: 'S:7' } as unknown as NatsMessage;
}

const record: DeadLetterRecord = { body: Buffer.from('{}'), headers: { tenant: 'acme', 'Nats-Msg-Id': 'orig' }, source: { stream: 'S', sequence: 7 }, reason: 'handler-error', deliveryCount: 2, firstFailureAt: new Date(0), lastFailureAt: new Date(1) };
const open = { isClosed: () => false } as never;
const target = { stream: 'S_DLQ', subjectPrefix: 'dead-letter.S', publishTimeoutMs: 100 };

describe('NATS commands', () => {
  it('ack, durable ack (ackAck), nak with and without delay, working; lease renewed at a third of ack_wait', async () => {
    const calls: string[] = [];
    const commands = new NatsCommands({ connection: open, features: featuresOf('2.9.10') }, false, 30_000);
    const message = fakeMessage(calls);
    await commands.ack(message, { durable: false });
    await commands.ack(message, { durable: true });
    await commands.nack(message, 500);
    await commands.nack(message, 0);
    await commands.extendLease(message);
    assert.deepEqual(calls, ['ack', 'ackAck', 'nak 500', 'nak undefined', 'working']);
    assert.equal(commands.leaseRenewalMs, 10_000);
  });

  it('reject: dead letter stored first (original headers without Nats-Msg-Id, one msgID per source message), then a bare term on 2.9', async () => {
    const calls: string[] = [];
    const published: Array<{ subject: string; options: any }> = [];
    const jetstream = { publish: async (subject: string, _body: unknown, options: any) => void (calls.push('publish'), published.push({ subject, options })) } as never;
    const commands = new NatsCommands({ connection: open, jetstream, features: featuresOf('2.9.10') }, target, 30_000);
    await commands.reject(fakeMessage(calls), record);
    assert.deepEqual(calls, ['publish', 'term undefined']);
    assert.equal(published[0].subject, 'dead-letter.S.orders.created');
    assert.equal(published[0].options.msgID, 'dead-letter:S:7');
    assert.deepEqual(published[0].options.expect, { streamName: 'S_DLQ' });
    assert.equal(published[0].options.headers.get('tenant'), 'acme');
    assert.equal(published[0].options.headers.get('x-dead-letter-reason'), 'handler-error');
    assert.equal(published[0].options.headers.has('Nats-Msg-Id'), false);
  });

  it('reject on 2.11+: term carries the reason', async () => {
    const calls: string[] = [];
    const commands = new NatsCommands({ connection: open, features: featuresOf('2.11.1') }, false, 30_000);
    await commands.reject(fakeMessage(calls), record);
    assert.deepEqual(calls, ['term handler-error']);
  });

  it('a refused dead letter throws DeadLetterRefusedError and does not term', async () => {
    const calls: string[] = [];
    const jetstream = { publish: async () => Promise.reject(new Error('message size exceeds maximum allowed')) } as never;
    const commands = new NatsCommands({ connection: open, jetstream, features: featuresOf('2.9.10') }, target, 30_000);
    await assert.rejects(commands.reject(fakeMessage(calls), record), (error: DeadLetterRefusedError) => error instanceof DeadLetterRefusedError && error.code === 'ACK_DEAD_LETTER_REFUSED');
    assert.deepEqual(calls, []);
  });

  it('a closed connection: DeliveryGoneError, nothing sent', async () => {
    const calls: string[] = [];
    const commands = new NatsCommands({ connection: { isClosed: () => true } as never, features: featuresOf('2.9.10') }, false, 30_000);
    await assert.rejects(async () => commands.ack(fakeMessage(calls), { durable: false }), DeliveryGoneError);
    await assert.rejects(commands.nack(fakeMessage(calls), 0), { name: 'DeliveryGoneError', code: 'ACK_DELIVERY_GONE' });
    assert.deepEqual(calls, []);
  });
});
