import { AckContext } from '../lib';
export interface Order {
    id: string;
    items: Array<{
        sku: string;
        price: number;
        quantity: number;
    }>;
    country?: string;
}
/** Business rules live in services; they throw control exceptions from any depth. */
export declare class FraudCheck {
    assertAllowed(order: Order): void;
}
/** A payment gateway that times out twice per order before it answers (to show retries), and always declines `declined-*` orders. */
export declare class FlakyGateway {
    private readonly attempts;
    capture(orderId: string): Promise<string>;
}
export declare class OrdersController {
    private readonly fraud;
    private readonly gateway;
    constructor(fraud: FraudCheck, gateway: FlakyGateway);
    /** Library default REJECT_ON_ERROR: acked on success, dead-lettered on error. */
    created(order: Order): void;
    /** Transient failures are retried with backoff, then dead-lettered. */
    capture(payload: {
        orderId: string;
    }): Promise<void>;
    /** ACK: best effort; a failure is logged and the message acked anyway. */
    audit(entry: {
        actor?: string;
        action: string;
    }): void;
    /** ACK_FIRST: acked before the handler runs (at most once); a failure cannot bring it back. */
    notify(notice: {
        email: string;
    }): void;
    /** Requests reply, then ack. */
    total(order: Order): number;
    /** MANUAL: the handler decides, here after its own async work finished. */
    shipped(payload: {
        orderId: string;
        tracking?: string;
    }, context: AckContext): void;
}
