import 'reflect-metadata';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Controller } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { EventPattern, MessagePattern } from '@nestjs/microservices';
import { PATTERN_EXTRAS_METADATA } from '@nestjs/microservices/constants';
import { ACK_EXTRAS_KEY, ACK_POLICY_METADATA, AckPolicy } from '../../../lib/core';

@AckPolicy(AckPolicy.NACK_ON_ERROR)
@Controller()
class OrdersController {
  @AckPolicy(AckPolicy.ACK, { retry: { maxDeliveries: 2 } })
  @EventPattern('orders.created', { team: 'billing' })
  created(): void {}

  @MessagePattern('orders.get')
  @AckPolicy(AckPolicy.DO_NOTHING)
  get(): void {}

  @EventPattern('orders.deleted')
  deleted(): void {}
}

const extrasOf = (method: Function) => Reflect.getMetadata(PATTERN_EXTRAS_METADATA, method);

describe('@AckPolicy()', () => {
  it('puts method and controller policies into the handler extras the transport sees, keeping other extras', () => {
    assert.deepEqual(extrasOf(OrdersController.prototype.created), {
      team: 'billing',
      [ACK_EXTRAS_KEY]: { method: 'ACK', retry: { maxDeliveries: 2 }, controller: 'NACK_ON_ERROR' },
    });
    assert.deepEqual(extrasOf(OrdersController.prototype.deleted), { [ACK_EXTRAS_KEY]: { controller: 'NACK_ON_ERROR' } });
  });

  it('works above or below the pattern decorator, and maps DO_NOTHING to MANUAL', () => {
    assert.equal(extrasOf(OrdersController.prototype.get)[ACK_EXTRAS_KEY].method, 'MANUAL');
  });

  it('is readable by interceptors through the Reflector, method first', () => {
    const reflector = new Reflector();
    const read = (method: Function) => reflector.getAllAndOverride(ACK_POLICY_METADATA, [method, OrdersController]);
    assert.equal(read(OrdersController.prototype.created), 'ACK');
    assert.equal(read(OrdersController.prototype.deleted), 'NACK_ON_ERROR');
  });

  it('refuses an unknown policy when the decorator is evaluated', () => {
    assert.throws(() => AckPolicy('SOMETIMES' as never), /invalid @AckPolicy\(\) value "SOMETIMES"/);
  });
});
