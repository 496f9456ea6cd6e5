import { Controller, Injectable } from '@nestjs/common';
import { Ctx, EventPattern, MessagePattern, Payload } from '@nestjs/microservices';
import { AckContext, AckPolicy, RejectMessage } from '../lib';
import { Patterns } from './patterns';

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

/** A payment gateway that times out twice per order before it answers (to show retries), and always declines `declined-*` orders. */
@Injectable()
export class FlakyGateway {
  private readonly attempts = new Map<string, number>();

  async capture(orderId: string): Promise<string> {
    const attempt = (this.attempts.get(orderId) ?? 0) + 1;
    this.attempts.set(orderId, attempt);
    if (orderId.startsWith('declined')) throw new Error(`card declined for ${orderId}`);
    if (attempt <= 2) throw new Error(`gateway timeout (attempt ${attempt})`);
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
  @EventPattern(Patterns.created)
  created(@Payload() order: Order): void {
    if (!Array.isArray(order.items)) throw new Error('order has no items');
    this.fraud.assertAllowed(order);
  }

  /** Transient failures are retried with backoff, then dead-lettered. */
  @AckPolicy(AckPolicy.NACK_ON_ERROR, { retry: { maxDeliveries: 3, backoff: { type: 'fixed', initialDelayMs: 100, jitter: 0 } } })
  @EventPattern(Patterns.capture)
  async capture(@Payload() payload: { orderId: string }): Promise<void> {
    await this.gateway.capture(payload.orderId);
  }

  /** ACK: best effort; a failure is logged and the message acked anyway. */
  @AckPolicy(AckPolicy.ACK)
  @EventPattern(Patterns.audit)
  audit(@Payload() entry: { actor?: string; action: string }): void {
    if (!entry.actor) throw new Error(`audit entry "${entry.action}" has no actor`);
  }

  /** ACK_FIRST: acked before the handler runs (at most once); a failure cannot bring it back. */
  @AckPolicy(AckPolicy.ACK_FIRST)
  @EventPattern(Patterns.notify)
  notify(@Payload() notice: { email: string }): void {
    if (!notice.email.includes('@')) throw new Error('not an e-mail address');
  }

  /** Requests reply, then ack. */
  @MessagePattern(Patterns.total)
  total(@Payload() order: Order): number {
    return order.items.reduce((sum, item) => sum + item.price * item.quantity, 0);
  }

  /** MANUAL: the handler decides, here after its own async work finished. */
  @AckPolicy(AckPolicy.MANUAL)
  @EventPattern(Patterns.shipped)
  shipped(@Payload() payload: { orderId: string; tracking?: string }, @Ctx() context: AckContext): void {
    setTimeout(() => void (payload.tracking ? context.ack() : context.reject({ reason: 'no-tracking' })), 50);
  }
}
