import { Controller, Injectable } from '@nestjs/common';
import { Ctx, EventPattern, MessagePattern, Payload } from '@nestjs/microservices';
import { AckContext, AckPolicy, RejectMessage } from '../lib';

export interface Order {
  id: string;
  items: Array<{ sku: string; price: number; quantity: number }>;
  country?: string;
}

/** Business rules live in services; they throw control exceptions from any depth. */
@Injectable()
export class FraudCheck {
  assertAllowed(order: Order): void {
    if (order.country === 'XX') throw new RejectMessage({ reason: 'fraud-suspected' });
  }
}

/** A payment gateway that fails twice before it answers, to show retries. */
@Injectable()
export class FlakyGateway {
  private attempts = 0;

  async capture(orderId: string): Promise<string> {
    this.attempts++;
    if (this.attempts <= 2) throw new Error(`gateway timeout (attempt ${this.attempts})`);
    return `captured ${orderId}`;
  }
}

@Controller()
export class OrdersController {
  constructor(
    private readonly fraud: FraudCheck,
    private readonly gateway: FlakyGateway,
  ) {}

  /** Library default REJECT_ON_ERROR: acked on success, dead-lettered on error. */
  @EventPattern('order.created')
  created(@Payload() order: Order): void {
    if (!Array.isArray(order.items)) throw new Error('order has no items');
    this.fraud.assertAllowed(order);
  }

  /** Transient failures are retried with backoff, then dead-lettered. */
  @AckPolicy(AckPolicy.NACK_ON_ERROR, { retry: { maxDeliveries: 3, backoff: { type: 'fixed', initialDelayMs: 100, jitter: 0 } } })
  @EventPattern('payment.capture')
  async capture(@Payload() payload: { orderId: string }): Promise<void> {
    await this.gateway.capture(payload.orderId);
  }

  /** Requests reply, then ack. */
  @MessagePattern('order.total')
  total(@Payload() order: Order): number {
    return order.items.reduce((sum, item) => sum + item.price * item.quantity, 0);
  }

  /** MANUAL: the handler decides, here after its own async work finished. */
  @AckPolicy(AckPolicy.MANUAL)
  @EventPattern('order.shipped')
  shipped(@Payload() payload: { orderId: string }, @Ctx() context: AckContext): void {
    setTimeout(() => void context.ack(), 50);
  }
}
