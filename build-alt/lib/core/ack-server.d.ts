import type { MessageHandler } from '@nestjs/microservices';
import { AckContext } from './ack-context';
import type { AckServerOptions } from './ack-server-options';
import { type AckServerSettings } from './ack-server-settings';
import type { BrokerCommands, ReplyPublisher } from './broker-commands';
import type { InboundMessage } from './inbound-message';
import { type PacketDecoder } from './packet-decoder';
import { AckServerLifecycle } from './server-lifecycle';
import { SettleOnce } from './settle-once';
import { type Settlement } from './settlement';
/** The context class a transport hands its handlers. */
export type AckContextType<M extends InboundMessage> = new (message: M, pattern: string, state: SettleOnce, settle: (s: Settlement) => Promise<boolean>) => AckContext<M>;
/**
 * The base of every nestjs-ack server: everything one delivery goes through.
 * It decodes the body, finds the handler, resolves the policy, renews the
 * broker's lease while the handler runs, awaits the handler (events and
 * requests alike) inside Nest's processing hooks, sends the reply, and applies
 * the policy through the broker's `commands`, once.
 *
 * A broker subclass connects and receives (calling `handleMessage`), and gives
 * `commands` (its settle surface, in its own file), optionally `replies`,
 * `decodePacket` and `contextType`.
 */
export declare abstract class AckServer<M extends InboundMessage = InboundMessage> extends AckServerLifecycle {
    protected readonly settings: AckServerSettings;
    /** The broker's ack / nack / reject (and lease) commands. */
    protected abstract readonly commands: BrokerCommands<M>;
    /** Where replies go; transports without a reply channel leave it undefined and refuse `@MessagePattern` handlers. */
    protected readonly replies?: ReplyPublisher<M>;
    /** The wire format. @defaultValue JSON `{ pattern, data, id? }` in strict UTF-8 */
    protected readonly decodePacket: PacketDecoder<M>;
    /** The class of the handlers' `@Ctx()`. */
    protected readonly contextType: AckContextType<M>;
    private readonly limiter;
    private readonly inFlight;
    private readonly handlerRetry;
    /** Found handlers by pattern: Nest's lookup JSON-parses every pattern, which throws for plain strings. */
    private readonly handlersByPattern;
    private readonly warnedNoReplyAddress;
    private settlerInstance?;
    /** `rabbitmq`, `kafka`, ...: what telemetry observers are told. */
    private readonly transportName;
    /** Nest's own start hook (it only calls the work): while it is in place the hooks are skipped. */
    private readonly nestStartHook;
    protected constructor(options: AckServerOptions, transportId: symbol);
    /** Sources whose dead-letter target currently refuses them (each retried with a growing delay). */
    get deadLetterFailures(): number;
    protected get shutdownTimeoutMs(): number;
    protected checkBeforeStart(): void;
    /**
     * Processes one delivery to the end: resolves when the handler finished and
     * the policy was applied. Never rejects. Waits for a concurrency slot first.
     */
    protected handleMessage(message: M): Promise<void>;
    protected drain(timeoutMs: number): Promise<void>;
    /** `getHandlerByPattern`, cached: use it on hot paths. */
    protected findHandler(pattern: string): MessageHandler | null;
    private get settler();
    private process;
    private runHandler;
    private onHandlerFailure;
    /**
     * Runs `work` between Nest's processing start and end hooks (Nest >= 11), so
     * tracing built on them sees every delivery; the end hook runs once the
     * policy was applied.
     */
    private withProcessingHooks;
    /** Where a request's reply goes; undefined for events. A request without a reply address is handled as an event, with one warning per pattern. */
    private replyAddress;
    private retryFor;
    private replyValues;
    /** Error replies are best effort: the settlement does not depend on them. */
    private replyError;
}
