import type { HandlerKind, Role } from './measure';
import type { RowResult, RunResult } from './bench-types';

const BEGIN = '<!-- bench:begin (written by `npm run bench`; edit the text outside these markers) -->';
const END = '<!-- bench:end -->';

const HANDLER_TITLES: Record<HandlerKind, string> = { noop: 'no-op handler', '1ms': 'handler awaiting 1 ms', '5ms': 'handler awaiting 5 ms' };

const rate = (value: number | undefined) => (value === undefined ? '—' : value >= 10_000 ? `${(value / 1000).toFixed(1)}k` : String(value));
const ratio = (a: number | undefined, b: number | undefined) => (a === undefined || b === undefined || b === 0 ? '—' : (a / b).toFixed(2));

/** The raw contender's rate, and the second raw contender's where the row has one (Kafka's `eachMessage`). */
function rawCell(row: RowResult, handler: HandlerKind): string {
  const t = row.throughput[handler]!;
  const raw = `${rate(t.raw?.median)} (${row.labels.raw})`;
  return t['raw-alt'] ? `${raw}; ${rate(t['raw-alt'].median)} (${row.labels['raw-alt']})` : raw;
}

function throughputTable(rows: RowResult[], handler: HandlerKind): string[] {
  const lines = [
    `| ${HANDLER_TITLES[handler]} | raw driver, same acks | Nest's own server | ours | ours + AckModule | ours / raw | ours+M / raw | ours+M / Nest | ours+M / ours (AckModule's cost) |`,
    '|---|---|---|---|---|---|---|---|---|',
  ];
  for (const row of rows) {
    const t = row.throughput[handler];
    if (!t) continue;
    const m = (role: Role) => t[role]?.median;
    const messages = Object.values(t)[0]?.messages;
    lines.push(
      `| ${row.title} (${messages} msgs) | ${rawCell(row, handler)} | ${row.labels.nest ? rate(m('nest')) : 'no Nest transport'} | ${rate(m('ours'))} | ${rate(m('ours+module'))} | ` +
        `${ratio(m('ours'), m('raw'))} | **${ratio(m('ours+module'), m('raw'))}** | ${row.labels.nest ? `**${ratio(m('ours+module'), m('nest'))}**` : '—'} | ${ratio(m('ours+module'), m('ours'))} |`,
    );
  }
  return lines;
}

/** The consumer process's CPU per message, no-op handler: what each contender itself costs, steady under other load. */
function cpuTable(rows: RowResult[]): string[] {
  const measured = rows.filter((row) => Object.values(row.throughput.noop ?? {}).some((t) => t?.cpuMicros));
  if (measured.length === 0) return [];
  const lines = [
    '### CPU per message (this process, µs, no-op handler; lower is better)',
    '',
    '| no-op handler | raw | Nest | ours | ours + AckModule | raw / ours+M (share of raw\'s speed the CPU allows) | ours / ours+M (AckModule\'s cost) |',
    '|---|---|---|---|---|---|---|',
  ];
  for (const row of measured) {
    const t = row.throughput.noop!;
    const c = (role: Role) => t[role]?.cpuMicros;
    const cell = (role: Role) => (c(role) === undefined ? '—' : String(c(role)));
    lines.push(`| ${row.title} | ${cell('raw')} | ${cell('nest')} | ${cell('ours')} | ${cell('ours+module')} | ${ratio(c('raw'), c('ours+module'))} | ${ratio(c('ours'), c('ours+module'))} |`);
  }
  return [...lines, ''];
}

function latencyTable(rows: RowResult[]): string[] {
  const cell = (row: RowResult, role: Role) => (row.latency[role] ? `${row.latency[role]!.p50} / ${row.latency[role]!.p99}` : '—');
  const lines = [
    '| handler-entry latency p50 / p99 (ms), no-op handler, fixed publish rate | raw | Nest | ours | ours + AckModule | added p50 / p99, ours+M − raw |',
    '|---|---|---|---|---|---|',
  ];
  for (const row of rows) {
    const raw = row.latency.raw;
    const ours = row.latency['ours+module'];
    const added = raw && ours ? `${(ours.p50 - raw.p50).toFixed(2)} / ${(ours.p99 - raw.p99).toFixed(2)}` : '—';
    const rate = Object.values(row.latency)[0]?.rate;
    lines.push(`| ${row.title}, ${rate} msg/s | ${cell(row, 'raw')} | ${cell(row, 'nest')} | ${cell(row, 'ours')} | ${cell(row, 'ours+module')} | ${added} |`);
  }
  return lines;
}

function rssTable(rows: RowResult[]): string[] {
  const withRss = rows.filter((row) => Object.keys(row.rss).length > 0);
  if (withRss.length === 0) return ['Peak RSS: not measured in this mode (full mode only).'];
  const cell = (row: RowResult, role: Role) => (row.rss[role] ? `${row.rss[role]!.peakMb} MB (${rate(row.rss[role]!.perSecond)}/s)` : '—');
  const lines = [
    `| peak RSS of a fresh process draining ${Object.values(withRss[0].rss)[0]!.messages} messages (no-op) | raw | Nest | ours | ours + AckModule |`,
    '|---|---|---|---|---|',
  ];
  for (const row of withRss) lines.push(`| ${row.title} | ${cell(row, 'raw')} | ${cell(row, 'nest')} | ${cell(row, 'ours')} | ${cell(row, 'ours+module')} |`);
  return lines;
}

/** Issue 20's targets against this run (ours + AckModule, as users run it): one line each, met or missed. */
function targetsTable(result: RunResult): string[] {
  const row = (id: string) => result.rows.find((r) => r.id === id);
  const lines = ['### Targets of issue 20 in this run (ours + AckModule)', '', '| target | this run | |', '|---|---|---|'];
  const add = (target: string, value: number | undefined, bound: number, shown: string, atLeast = true) => {
    if (value === undefined || Number.isNaN(value)) return lines.push(`| ${target} | not measured | — |`);
    lines.push(`| ${target} | ${shown} | ${(atLeast ? value >= bound : value < bound) ? 'met' : '**missed**'} |`);
  };
  const of = (id: string, handler: HandlerKind, a: Role, b: Role) => {
    const t = row(id)?.throughput[handler];
    const x = t?.[a]?.median;
    const y = t?.[b]?.median;
    return x === undefined || y === undefined || y === 0 ? undefined : x / y;
  };
  const fixed = (value: number | undefined) => (value === undefined ? '—' : value.toFixed(2));
  for (const [id, bound] of [['rabbitmq-quorum', 0.95], ['rabbitmq-classic', 0.85], ['kafka', 0.6]] as const) {
    add(`no-op, ${row(id)?.title ?? id} >= ${bound} of raw`, of(id, 'noop', 'ours+module', 'raw'), bound, fixed(of(id, 'noop', 'ours+module', 'raw')));
  }
  for (const [id, bound] of [['rabbitmq-quorum', 1.1], ['rabbitmq-classic', 1.1], ['kafka', 2]] as const) {
    add(`no-op, ${row(id)?.title ?? id} >= ${bound}x Nest's own server`, of(id, 'noop', 'ours+module', 'nest'), bound, `${fixed(of(id, 'noop', 'ours+module', 'nest'))}x`);
  }
  for (const r of result.rows) {
    const t = r.throughput.noop;
    const cost = t?.ours?.cpuMicros && t['ours+module']?.cpuMicros ? t.ours.cpuMicros / t['ours+module'].cpuMicros : undefined;
    add(`AckModule costs <= 5%, ${r.title} (CPU per message, ours / ours+M >= 0.95)`, cost, 0.95, fixed(cost));
  }
  for (const id of ['rabbitmq-quorum', 'rabbitmq-classic', 'kafka']) {
    add(`1 ms handler, ${row(id)?.title ?? id} >= 0.95 of raw`, of(id, '1ms', 'ours+module', 'raw'), 0.95, fixed(of(id, '1ms', 'ours+module', 'raw')));
  }
  const ordering = result.extra.find((e) => e.title.startsWith('Kafka: ordering'))?.results;
  const speedup = ordering && ordering.length >= 2 && ordering[0].perSecond > 0 ? ordering[1].perSecond / ordering[0].perSecond : undefined;
  add("5 ms handler, Kafka `ordering: 'key'` >= 5x `'partition'`", speedup, 5, `${fixed(speedup)}x`);
  for (const r of result.rows) {
    const raw = r.latency.raw;
    const ours = r.latency['ours+module'];
    const added = raw && ours ? ours.p99 - raw.p99 : undefined;
    add(`added p99 < 1 ms over raw, ${r.title}`, added, 1, added === undefined ? '—' : `${added.toFixed(2)} ms`, false);
  }
  for (const r of result.rows) {
    const rss = r.rss['ours+module'];
    if (rss) add(`peak RSS draining ${rss.messages} < 250 MB, ${r.title}`, rss.peakMb, 250, `${rss.peakMb} MB`, false);
  }
  return [...lines, ''];
}

/** The generated part of docs/benchmarks.md: machine facts and tables. */
export function generatedSection(result: RunResult): string {
  const { mode, machine, rows } = result;
  const loaded = Math.max(...machine.loadBefore.slice(0, 1), ...machine.loadAfter.slice(0, 1)) > machine.cpus * 0.5;
  const lines = [
    `Run: **${mode.name} mode**, ${result.startedAt}, ${result.seconds} s. ${mode.name === 'full' ? `Median of ${mode.rounds} rounds` : `${mode.rounds} round(s)`}, rounds interleave the contenders${mode.warmupRounds ? `; before the no-op rounds, ${mode.warmupRounds} unmeasured warm-up drain of each contender` : ''}.`,
    '',
    `Machine: ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGb} GB, ${machine.os}, Node ${machine.node}. ` +
      `Load average (1/5/15 min) before ${machine.loadBefore.join(' / ')}, after ${machine.loadAfter.join(' / ')}` +
      (loaded ? ' — **the machine was loaded** (other work ran beside the bench): compare ratios, not absolute numbers.' : '.'),
    '',
    'Brokers (versions read from the brokers): ' + rows.map((row) => `${row.title}: ${row.version}`).join('; ') + '.',
    '',
    'Contenders: ' + rows.map((row) => `${row.title}: ${Object.entries(row.labels).map(([role, label]) => `${role} = ${label}`).join(', ')}`).join('; ') + '.',
    '',
    '### Throughput (messages settled per second, draining a backlog)',
    '',
  ];
  for (const handler of mode.handlers) {
    if (!rows.some((row) => row.throughput[handler])) continue;
    lines.push(...throughputTable(rows, handler), '');
  }
  lines.push(...cpuTable(rows));
  lines.push('### Latency at a fixed publish rate below saturation', '', ...latencyTable(rows), '');
  lines.push('### Memory', '', ...rssTable(rows), '');
  for (const extra of result.extra) {
    lines.push(`### ${extra.title}`, '', '| case | per second | ratio to the first |', '|---|---|---|');
    for (const r of extra.results) lines.push(`| ${r.name} | ${r.perSecond} | ${ratio(r.perSecond, extra.results[0].perSecond)} |`);
    lines.push('');
  }
  lines.push(...targetsTable(result));
  const errors = rows.flatMap((row) => row.errors.map((e) => `- ${row.title}: ${e}`));
  if (errors.length > 0) lines.push('### Failed runs', '', ...errors, '');
  return lines.join('\n');
}

/** docs/benchmarks.md with its generated section replaced (the text around the markers is kept). */
export function writeMarkdown(existing: string, result: RunResult): string {
  const section = `${BEGIN}\n${generatedSection(result)}\n${END}`;
  const begin = existing.indexOf('<!-- bench:begin');
  const end = existing.indexOf(END);
  if (begin >= 0 && end > begin) return existing.slice(0, begin) + section + existing.slice(end + END.length);
  return `# Benchmarks\n\n\`npm run bench\` (full, about N minutes) or \`npm run bench -- --quick\` (under 5 minutes) against the local brokers.\n\n## Results\n\n${section}\n`;
}

const README_BEGIN = '<!-- bench:readme:begin (written by a full `npm run bench`; edit the text outside these markers) -->';
const README_END = '<!-- bench:readme:end -->';

/** The README's speed table: the full run's no-op and 5 ms figures, raw and Nest side by side with ours + AckModule. */
export function readmeSection(result: RunResult): string {
  const lines = [
    `From the full run of ${result.startedAt.slice(0, 16).replace('T', ' ')} UTC (median of ${result.mode.rounds} rounds, load average ` +
      `${result.machine.loadBefore[0]} before, ${result.machine.loadAfter[0]} after, ${result.machine.cpus} cores); nestjs-ack as users run it, with \`AckModule.forRoot()\`.`,
    '',
    '| messages settled per second | raw driver, same acks | Nest\'s own server | nestjs-ack + AckModule | of raw | of Nest | 5 ms handler: of raw |',
    '|---|---|---|---|---|---|---|',
  ];
  for (const row of result.rows) {
    const noop = row.throughput.noop;
    if (!noop) continue;
    const m = (role: Role) => noop[role]?.median;
    const slow = row.throughput['5ms'];
    const ofNest = row.labels.nest ? `${ratio(m('ours+module'), m('nest'))}x` : '—';
    lines.push(
      `| ${row.title}, no-op handler | ${rawCell(row, 'noop')} | ${row.labels.nest ? `${rate(m('nest'))} (${row.labels.nest})` : 'no Nest transport'} | ${rate(m('ours+module'))} | ` +
        `**${ratio(m('ours+module'), m('raw'))}** | ${ofNest} | ${ratio(slow?.['ours+module']?.median, slow?.raw?.median)} |`,
    );
  }
  for (const extra of result.extra.filter((e) => e.title.startsWith('Kafka: ordering'))) {
    const [partition, key] = extra.results;
    if (partition && key) lines.push('', `Kafka, 5 ms handler, 20 keys on 3 partitions: \`ordering: 'key'\` ${ratio(key.perSecond, partition.perSecond)}x \`'partition'\` (${rate(key.perSecond)}/s against ${rate(partition.perSecond)}/s).`);
  }
  return lines.join('\n');
}

/** README.md with its speed table replaced; unchanged when it has no markers. */
export function writeReadme(existing: string, result: RunResult): string {
  const begin = existing.indexOf('<!-- bench:readme:begin');
  const end = existing.indexOf(README_END);
  if (begin < 0 || end < begin) return existing;
  return `${existing.slice(0, begin)}${README_BEGIN}\n${readmeSection(result)}\n${README_END}${existing.slice(end + README_END.length)}`;
}
