import type { MessageSource } from './dead-letter-record';
import type { Settlement } from './settlement';
/**
 * Emitted by every server (`server.on('settled', ...)`) once the settle command
 * was carried out: acked / nacked / dead-lettered on the broker. On Kafka an
 * ack marks the offset settled and its commit follows within `commitInterval`
 * (an `ACK_FIRST` ack waits for its commit).
 */
export interface SettlementEvent {
    pattern: string;
    source: MessageSource;
    deliveryCount: number;
    settlement: Settlement;
}
/** Emitted (`server.on('handled', ...)`) when a delivery's handler finished and its policy was applied. */
export interface HandledEvent {
    pattern: string;
    source: MessageSource;
    deliveryCount: number;
    /** `completed`, `failed`, or `refused` (undecodable body, no handler). */
    outcome: 'completed' | 'failed' | 'refused';
    durationMs: number;
}
/** Status and settlement events of every nestjs-ack server. */
export type AckServerEvents = {
    /** Connected (also after a reconnect). */
    connected: () => void;
    /** Lost the connection; a reconnect follows unless closing. */
    disconnected: (error?: Error) => void;
    /** A reconnect attempt starts. */
    reconnecting: (attempt: number) => void;
    /** A broker or settlement error that did not stop the server. */
    error: (error: Error) => void;
    /** A message was settled. */
    settled: (event: SettlementEvent) => void;
    /** A delivery was processed to the end of its policy. */
    handled: (event: HandledEvent) => void;
};
export type AckServerStatus = 'connecting' | 'connected' | 'disconnected' | 'reconnecting' | 'closing' | 'closed';
