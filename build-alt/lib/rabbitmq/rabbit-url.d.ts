/** Used when no URL is given: the local broker with RabbitMQ's default user. */
export declare const DEFAULT_RABBIT_URL = "amqp://guest:guest@127.0.0.1:5672";
/** Checks `urls` (one or several) and returns them as a list. */
export declare function resolveUrls(urls: string | string[] | undefined, optionName?: string): string[];
