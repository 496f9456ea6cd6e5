// Nest's decorators need the Reflect metadata API before any of them runs.
import 'reflect-metadata';
export { AckContext, isAckContext, type Settler } from './ack-context';
export { AckControlException, CONTROL_COMMAND_KEY, controlCommandOf, isAckControlException, type ControlErrorPayload } from './ack-control.exception';
export { AckMessage } from './ack-message.exception';
export { AckPolicy, AckPolicyValues, ACK_POLICY_NAMES, assertAckPolicy, type AckPolicyOptions, type AckHandlerExtras } from './ack-policy';
export { AckClient, type EncodedPacket, type OutgoingPacket } from './ack-client';
export { AckServer, type AckContextType } from './ack-server';
export type { AckServerOptions } from './ack-server-options';
export type { BrokerHealth } from './broker-health';
export type { AckOptions, BrokerCommands, ReplyPublisher } from './broker-commands';
export { ConcurrencyLimiter } from './concurrency-limiter';
export { ConnectionStatus, type ConnectionState, type ConnectionStatusSink } from './connection-status';
export { DeadLetterHeaders, deadLetterHeaders, describeError, type DeadLetterRecord, type MessageSource } from './dead-letter-record';
export {
  AckError,
  AckTimeoutError,
  asError,
  BrokerConfigurationError,
  BrokerError,
  BrokerUnavailableError,
  ClosedDuringStartError,
  ConflictingOptionsError,
  ConnectFailedError,
  ConnectionClosedError,
  DeadLetterRefusedError,
  DeliveryGoneError,
  InvalidOptionError,
  InvalidStateError,
  MessageRefusedError,
  MessageTooLargeError,
  NoHandlerError,
  PatternMismatchError,
  PublishFailedError,
  RepliesNotSupportedError,
  ReplyAddressRefusedError,
  RequestAbandonedError,
  UndecodableMessageError,
  UnroutableMessageError,
  UnwrapNotSupportedError,
} from './errors';
export { DeliverySlots } from './delivery-slots';
export type { InboundMessage } from './inbound-message';
export { ACK_EXTRAS_KEY, ACK_POLICY_METADATA } from './metadata-keys';
export { NackMessage } from './nack-message.exception';
export { decodeJsonPacket, decodeUtf8, type PacketDecoder } from './packet-decoder';
export { DEFAULT_RECONNECT, reconnectDelay, reconnectLoop, resolveReconnect, type ReconnectHooks, type ReconnectOptions, type ResolvedReconnect } from './reconnect';
export { redactUrl } from './redact-url';
export { RejectMessage } from './reject-message.exception';
export type { ReplyAddressOptions } from './reply-address-allow-list';
export { backoffDelay, decideNack, resolveRetry, type NackDecision, type ResolvedRetry } from './retry';
export { DEFAULT_NON_RETRYABLE, DEFAULT_RETRY, type BackoffOptions, type NonRetryableErrors, type RetryOptions } from './retry-options';
export { SettleOnce } from './settle-once';
export { RejectReason, type NackOptions, type RejectOptions, type Settlement } from './settlement';
export type { AckServerEvents, AckServerStatus, HandledEvent, SettlementEvent } from './settlement-event';
export { setAckObservers, type AckObservers, type DeliveryInfo, type DeliveryObservation, type DeliveryObserver, type PublishInfo, type PublishObservation, type PublishObserver } from './telemetry-hooks';
