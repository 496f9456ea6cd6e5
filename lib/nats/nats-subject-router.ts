import { isSubject } from './nats-settings';
import { subjectCovers } from './nats-topology';

/** Subjects remembered with their handler: they come from producers (inside the consumed filters), so only so many. */
const CACHED_SUBJECTS_MAX = 1000;

/**
 * Which handler a subject selects: the handler whose pattern is that subject,
 * else the most specific wildcard pattern that matches it (most literal
 * tokens, then `*` before `>`, then the order the handlers were registered).
 * Patterns that are not NATS subjects (object patterns) are never selected by
 * a subject.
 */
export class SubjectRouter {
  private readonly literals: ReadonlySet<string>;
  private readonly wildcards: readonly string[];
  private readonly cache = new Map<string, string | null>();

  constructor(patterns: Iterable<string>) {
    const subjects = [...patterns].filter(isSubject);
    this.literals = new Set(subjects.filter((pattern) => !hasWildcard(pattern)));
    this.wildcards = subjects.filter(hasWildcard).map((pattern, order) => ({ pattern, order })).sort((a, b) => specificity(b.pattern) - specificity(a.pattern) || a.order - b.order).map(({ pattern }) => pattern);
  }

  /** The handler pattern `subject` selects, or null when no handler's pattern matches it. */
  select(subject: string): string | null {
    if (this.literals.has(subject)) return subject;
    const known = this.cache.get(subject);
    if (known !== undefined) return known;
    const found = this.wildcards.find((pattern) => subjectCovers(pattern, subject)) ?? null;
    if (this.cache.size < CACHED_SUBJECTS_MAX) this.cache.set(subject, found);
    return found;
  }

  /**
   * The pattern a message on `subject` whose body names `named` is handled
   * as, or null when the subject does not serve it (`pattern-mismatch`). The
   * body may name the subject itself or the handler pattern the subject
   * selects. Where no handler's pattern matches the subject, the body may also
   * name a pattern that is not a subject (an object pattern): no subject can
   * select those, so they route by the body, within the consumed subjects.
   */
  patternOf(subject: string, named: string): string | null {
    const selected = this.select(subject);
    if (selected !== null) return named === subject || named === selected ? selected : null;
    return named === subject || !isSubject(named) ? named : null;
  }
}

function hasWildcard(pattern: string): boolean {
  return pattern.split('.').some((token) => token === '*' || token === '>');
}

/** Literal tokens count most; a `>` (any number of tokens) is less specific than a `*`. */
function specificity(pattern: string): number {
  let score = 0;
  for (const token of pattern.split('.')) score += token === '>' ? 0 : token === '*' ? 1 : 100;
  return score;
}
