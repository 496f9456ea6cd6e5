import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BaseRpcExceptionFilter, RpcException } from '@nestjs/microservices';
import { lastValueFrom } from 'rxjs';
import { BadRequestException } from '@nestjs/common';
import { AckMessage, controlCommandOf, InvalidOptionError, NackMessage, RejectMessage, resolveRetry, UndecodableMessageError } from '../../../lib/core';
import { loggedByNestFilter, originalError, settlementOnFailure, settlementOnSuccess } from '../../../lib/core/handler-outcome';

/** What Nest's default RPC filter makes of a thrown value. */
async function throughNestDefaultFilter(thrown: unknown): Promise<unknown> {
  const host = { getType: () => 'rpc', switchToRpc: () => ({ getContext: () => undefined, getData: () => undefined }), getArgs: () => [] } as never;
  return lastValueFrom(new BaseRpcExceptionFilter().catch(thrown, host) as never).catch((error: unknown) => error);
}

describe('handler outcome', () => {
  it('acks on success under ACK and *_ON_ERROR, does nothing under ACK_FIRST and MANUAL', () => {
    assert.deepEqual(settlementOnSuccess('ACK'), { kind: 'ack' });
    assert.deepEqual(settlementOnSuccess('REJECT_ON_ERROR'), { kind: 'ack' });
    assert.deepEqual(settlementOnSuccess('NACK_ON_ERROR'), { kind: 'ack' });
    assert.equal(settlementOnSuccess('ACK_FIRST'), undefined);
    assert.equal(settlementOnSuccess('MANUAL'), undefined);
  });

  it('maps a failure per policy', () => {
    const error = new Error('x');
    const retry = resolveRetry('retry');
    assert.deepEqual(settlementOnFailure('ACK', error, retry), { kind: 'ack' });
    assert.deepEqual(settlementOnFailure('REJECT_ON_ERROR', error, retry), { kind: 'reject', reason: 'handler-error', error });
    assert.deepEqual(settlementOnFailure('NACK_ON_ERROR', error, retry), { kind: 'nack', error });
    assert.equal(settlementOnFailure('ACK_FIRST', error, retry), undefined);
    assert.equal(settlementOnFailure('MANUAL', error, retry), undefined);
  });

  it('rejects a non-retryable error at once under NACK_ON_ERROR, and only there', () => {
    const retry = resolveRetry('retry');
    const invalid = new BadRequestException('validation failed');
    assert.deepEqual(settlementOnFailure('NACK_ON_ERROR', invalid, retry), { kind: 'reject', reason: 'non-retryable', error: invalid });
    assert.deepEqual(settlementOnFailure('REJECT_ON_ERROR', invalid, retry), { kind: 'reject', reason: 'handler-error', error: invalid });
    assert.deepEqual(settlementOnFailure('ACK', invalid, retry), { kind: 'ack' });
    const undecodable = new UndecodableMessageError('the body is not JSON');
    assert.equal(settlementOnFailure('NACK_ON_ERROR', undecodable, retry)?.kind, 'reject', 'the library\'s refusals are in the default set');
  });

  it('takes nonRetryable as classes or a predicate, the handler\'s replacing the server\'s', () => {
    class OrderRefused extends Error {}
    const server = resolveRetry('retry', { nonRetryable: [OrderRefused] });
    assert.equal(server.isNonRetryable(new OrderRefused()), true);
    assert.equal(server.isNonRetryable(new BadRequestException()), false, 'a list of its own replaces the default set');
    const handler = resolveRetry('@AckPolicy() retry', { nonRetryable: [OrderRefused] }, { nonRetryable: (error) => error instanceof RangeError });
    assert.equal(handler.isNonRetryable(new RangeError('x')), true);
    assert.equal(handler.isNonRetryable(new OrderRefused()), false);
    const everything = resolveRetry('retry', { nonRetryable: [] });
    assert.equal(everything.isNonRetryable(new BadRequestException()), false, 'an empty list retries every error');
    const throwing = resolveRetry('retry', { nonRetryable: () => { throw new Error('predicate bug'); } });
    assert.equal(throwing.isNonRetryable(new Error('x')), false, 'a predicate that throws means: retry it');
  });

  it('refuses a nonRetryable that is neither classes nor a predicate, naming the option', () => {
    assert.throws(() => resolveRetry('retry', { nonRetryable: ['ValidationError'] as never }), (error: unknown) => error instanceof InvalidOptionError && error.option === 'retry.nonRetryable');
    assert.throws(() => resolveRetry('@AckPolicy() retry', { nonRetryable: 'all' as never }), /@AckPolicy\(\) retry\.nonRetryable/);
  });

  it('reads the command of a thrown control exception', () => {
    const reject = new RejectMessage({ reason: 'bad' });
    assert.deepEqual(controlCommandOf(reject), { kind: 'reject', reason: 'bad', error: reject });
    assert.deepEqual(controlCommandOf(new AckMessage()), { kind: 'ack' });
  });

  it('keeps the command after Nest\'s default filter erased the class', async () => {
    const erased = await throughNestDefaultFilter(new NackMessage({ delayMs: 7 }));
    assert.ok(!(erased instanceof Error), 'Nest replaced the exception by a plain object');
    assert.deepEqual(controlCommandOf(erased), { kind: 'nack', delayMs: 7, error: { name: 'NackMessage', message: 'message nacked by the handler (delay 7 ms)' } });
  });

  it('finds no command in an ordinary failure, erased or not', async () => {
    assert.equal(controlCommandOf(new TypeError('real')), undefined);
    assert.equal(controlCommandOf(await throughNestDefaultFilter(new TypeError('real'))), undefined);
    assert.equal(controlCommandOf({ status: 'error', message: 'Internal server error' }), undefined);
    assert.equal(controlCommandOf({ nestjsAckCommand: { kind: 'explode' } }), undefined, 'a malformed command is ignored');
  });

  it('a control exception that is created but never thrown carries no side effect', () => {
    const created = new AckMessage();
    assert.equal(Object.keys(created).includes('delivery'), false);
    assert.deepEqual(controlCommandOf({ status: 'error', message: 'Internal server error' }), undefined);
  });

  it('prefers the error as thrown over the object a filter replaced it by', () => {
    const original = new RangeError('the real cause');
    assert.equal(originalError({ status: 'error', message: 'Internal server error' }, original), original);
    const thrown = new Error('kept');
    assert.equal(originalError(thrown, original), thrown);
    assert.deepEqual(originalError({ status: 'error', message: 'x' }, undefined), { status: 'error', message: 'x' });
  });

  it("knows when Nest's default filter logged the failure: an error it answered with \"Internal server error\"", async () => {
    const plain = new TypeError('boom');
    assert.equal(loggedByNestFilter(await throughNestDefaultFilter(plain), plain), true);
    assert.equal(loggedByNestFilter(await throughNestDefaultFilter(plain), undefined), true, 'without AckModule (nothing recorded)');
    const rpc = new RpcException('Internal server error');
    assert.equal(loggedByNestFilter(await throughNestDefaultFilter(rpc), rpc), false, 'an RpcException is answered without a log line');
    assert.equal(loggedByNestFilter(await throughNestDefaultFilter(new RejectMessage()), undefined), false);
    assert.equal(loggedByNestFilter(plain, plain), false, "a filter that passed the error on: nobody logged it");
    assert.equal(loggedByNestFilter({ status: 'error', message: 'handled by my filter' }, plain), false);
  });
});
