/** Reflect-metadata key holding the `@AckPolicy()` value on a method or controller class. */
export declare const ACK_POLICY_METADATA = "nestjs-ack:policy";
/** Key inside a handler's pattern extras where the transport finds the ack settings. */
export declare const ACK_EXTRAS_KEY = "nestjsAck";
