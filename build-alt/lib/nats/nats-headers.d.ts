import type { MsgHdrs } from '@nats-io/transport-node';
/** Header carrying the caller's reply subject: JetStream answers a publish's own reply subject with its PubAck. */
export declare const REPLY_TO_HEADER = "nestjs-ack-reply-to";
/** NATS headers as strings; a repeated header's values joined with `,`. */
export declare function toStringHeaders(headers: MsgHdrs | undefined): Record<string, string>;
/** String headers as NATS headers. */
export declare function toNatsHeaders(values: Record<string, string>): MsgHdrs;
/**
 * Headers for a copy of a stored message: publish preconditions
 * (`Nats-Expected-*`) and the original `Nats-Msg-Id` (it would deduplicate the
 * copy against unrelated messages) are left out.
 */
export declare function copyHeaders(values: Record<string, string>): MsgHdrs;
