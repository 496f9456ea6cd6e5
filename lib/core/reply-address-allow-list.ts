import { InvalidOptionError } from './errors';

/**
 * Where a server may publish the replies of requests. A request naming any
 * other address is dead-lettered with reason `invalid-reply-address` before
 * its handler runs, and nothing is published.
 */
export interface ReplyAddressOptions {
  /** Addresses that start with one of these are accepted. @defaultValue the transport's own (see its page) */
  prefixes?: readonly string[];
  /** Addresses accepted as they are. @defaultValue the transport's own (see its page) */
  names?: readonly string[];
}

/** The transport's defaults and the characters its addresses may hold. */
export interface ReplyAddressRules {
  prefixes: readonly string[];
  names: readonly string[];
  /** Every accepted address also matches this (no wildcards, no whitespace, bounded length). */
  shape: RegExp;
  /** What `shape` allows, for the option error. */
  shapeText: string;
}

/**
 * A transport's reply-address allow-list. Given options replace the defaults
 * (they are the operator's whole list); each entry is checked against the
 * transport's shape at construction.
 */
export class ReplyAddressAllowList {
  private readonly prefixes: readonly string[];
  private readonly names: ReadonlySet<string>;
  private readonly shape: RegExp;

  constructor(option: string, given: ReplyAddressOptions | undefined, rules: ReplyAddressRules) {
    if (given !== undefined && (typeof given !== 'object' || given === null || Array.isArray(given))) {
      throw new InvalidOptionError(option, given, '{ prefixes?: string[], names?: string[] }');
    }
    this.prefixes = checkedList(`${option}.prefixes`, given ? (given.prefixes ?? []) : rules.prefixes, rules, true);
    this.names = new Set(checkedList(`${option}.names`, given ? (given.names ?? []) : rules.names, rules, false));
    this.shape = rules.shape;
  }

  /** Whether a reply may be published to `address`. */
  accepts(address: string): boolean {
    if (!this.shape.test(address)) return false;
    if (this.names.has(address)) return true;
    for (const prefix of this.prefixes) if (address.length > prefix.length && address.startsWith(prefix)) return true;
    return false;
  }
}

function checkedList(option: string, list: unknown, rules: ReplyAddressRules, prefix: boolean): string[] {
  // A prefix is checked with one character after it: `_INBOX.` alone ends in a dot that a subject may not end in.
  if (!Array.isArray(list) || list.some((item) => typeof item !== 'string' || item === '' || !rules.shape.test(prefix ? `${item}x` : item))) {
    throw new InvalidOptionError(option, list, `an array of non-empty ${prefix ? 'prefixes' : 'names'}, each ${rules.shapeText}`);
  }
  return list as string[];
}
