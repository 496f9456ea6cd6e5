/** One measured run: messages settled per second. */
export interface BenchResult {
  name: string;
  messages: number;
  seconds: number;
  perSecond: number;
}

/**
 * Counts settled messages and times them from the first to the last, so
 * connection set-up and topology declaration stay out of the figure for the
 * raw client and nestjs-ack alike.
 */
export function settleMeter(name: string, messages: number): { tick: () => void; result: Promise<BenchResult> } {
  let seen = 0;
  let first = 0n;
  let resolve!: (result: BenchResult) => void;
  const result = new Promise<BenchResult>((r) => (resolve = r));
  return {
    tick: () => {
      if (seen === 0) first = process.hrtime.bigint();
      if (++seen !== messages) return;
      // The first message's own cost is not in the interval: count the other messages - 1.
      const seconds = Number(process.hrtime.bigint() - first) / 1e9;
      resolve({ name, messages, seconds: round(seconds), perSecond: Math.round((messages - 1) / seconds) });
    },
    result,
  };
}

export function round(value: number, digits = 3): number {
  return Math.round(value * 10 ** digits) / 10 ** digits;
}

/** Prints results and each one's ratio to the first (the raw client). */
export function report(title: string, results: BenchResult[]): void {
  const [baseline] = results;
  console.log(`\n${title}`);
  for (const result of results) {
    const ratio = round(result.perSecond / baseline.perSecond, 2);
    console.log(`  ${result.name.padEnd(30)} ${String(result.perSecond).padStart(7)} msg/s  (${result.messages} in ${result.seconds} s)  ratio to raw ${ratio}`);
  }
}
