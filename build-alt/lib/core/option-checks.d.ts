/** The object without its `undefined` fields, so spreading it over defaults keeps the defaults. */
export declare function definedOnly<T extends object>(value: T | undefined): Partial<T>;
/** Throws `InvalidOptionError` unless `value` is a finite number >= `min` (and an integer when asked). */
export declare function assertNumber(value: unknown, option: string, min: number, integer?: boolean): asserts value is number;
/** Like `assertNumber`, also accepting `Infinity` (unlimited). */
export declare function assertLimit(value: unknown, option: string, min: number): asserts value is number;
/**
 * Checks a list of broker addresses (`host:port` for Kafka, URLs for the
 * others): a non-empty array of strings each matching `shape`. A comma-separated
 * string is accepted too. Throws `InvalidOptionError` naming the option.
 */
export declare function assertAddressList(value: unknown, option: string, shape: RegExp, allowed: string): string[];
