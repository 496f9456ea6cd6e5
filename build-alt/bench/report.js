"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.generatedSection = generatedSection;
exports.writeMarkdown = writeMarkdown;
const BEGIN = '<!-- bench:begin (written by `npm run bench`; edit the text outside these markers) -->';
const END = '<!-- bench:end -->';
const HANDLER_TITLES = { noop: 'no-op handler', '1ms': 'handler awaiting 1 ms', '5ms': 'handler awaiting 5 ms' };
const rate = (value) => (value === undefined ? '—' : value >= 10_000 ? `${(value / 1000).toFixed(1)}k` : String(value));
const ratio = (a, b) => (a === undefined || b === undefined || b === 0 ? '—' : (a / b).toFixed(2));
function throughputTable(rows, handler) {
    const lines = [
        `| ${HANDLER_TITLES[handler]} | raw driver, same acks | Nest's own server | ours | ours + AckModule | ours / raw | ours+M / raw | ours+M / Nest | ours+M / ours (AckModule's cost) |`,
        '|---|---|---|---|---|---|---|---|---|',
    ];
    for (const row of rows) {
        const t = row.throughput[handler];
        if (!t)
            continue;
        const m = (role) => t[role]?.median;
        const messages = Object.values(t)[0]?.messages;
        const raw = t['raw-alt'] ? `${rate(m('raw'))} (${row.labels.raw}); ${rate(m('raw-alt'))} (${row.labels['raw-alt']})` : `${rate(m('raw'))} (${row.labels.raw})`;
        lines.push(`| ${row.title} (${messages} msgs) | ${raw} | ${row.labels.nest ? rate(m('nest')) : 'no Nest transport'} | ${rate(m('ours'))} | ${rate(m('ours+module'))} | ` +
            `${ratio(m('ours'), m('raw'))} | **${ratio(m('ours+module'), m('raw'))}** | ${row.labels.nest ? `**${ratio(m('ours+module'), m('nest'))}**` : '—'} | ${ratio(m('ours+module'), m('ours'))} |`);
    }
    return lines;
}
/** The consumer process's CPU per message, no-op handler: what each contender itself costs, steady under other load. */
function cpuTable(rows) {
    const measured = rows.filter((row) => Object.values(row.throughput.noop ?? {}).some((t) => t?.cpuMicros));
    if (measured.length === 0)
        return [];
    const lines = [
        '### CPU per message (this process, µs, no-op handler; lower is better)',
        '',
        '| no-op handler | raw | Nest | ours | ours + AckModule | raw / ours+M (share of raw\'s speed the CPU allows) | ours / ours+M (AckModule\'s cost) |',
        '|---|---|---|---|---|---|---|',
    ];
    for (const row of measured) {
        const t = row.throughput.noop;
        const c = (role) => t[role]?.cpuMicros;
        const cell = (role) => (c(role) === undefined ? '—' : String(c(role)));
        lines.push(`| ${row.title} | ${cell('raw')} | ${cell('nest')} | ${cell('ours')} | ${cell('ours+module')} | ${ratio(c('raw'), c('ours+module'))} | ${ratio(c('ours'), c('ours+module'))} |`);
    }
    return [...lines, ''];
}
function latencyTable(rows) {
    const cell = (row, role) => (row.latency[role] ? `${row.latency[role].p50} / ${row.latency[role].p99}` : '—');
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
function rssTable(rows) {
    const withRss = rows.filter((row) => Object.keys(row.rss).length > 0);
    if (withRss.length === 0)
        return ['Peak RSS: not measured in this mode (full mode only).'];
    const cell = (row, role) => (row.rss[role] ? `${row.rss[role].peakMb} MB (${rate(row.rss[role].perSecond)}/s)` : '—');
    const lines = [
        `| peak RSS of a fresh process draining ${Object.values(withRss[0].rss)[0].messages} messages (no-op) | raw | Nest | ours | ours + AckModule |`,
        '|---|---|---|---|---|',
    ];
    for (const row of withRss)
        lines.push(`| ${row.title} | ${cell(row, 'raw')} | ${cell(row, 'nest')} | ${cell(row, 'ours')} | ${cell(row, 'ours+module')} |`);
    return lines;
}
/** The generated part of docs/benchmarks.md: machine facts and tables. */
function generatedSection(result) {
    const { mode, machine, rows } = result;
    const loaded = Math.max(...machine.loadBefore.slice(0, 1), ...machine.loadAfter.slice(0, 1)) > machine.cpus * 0.5;
    const lines = [
        `Run: **${mode.name} mode**, ${result.startedAt}, ${result.seconds} s. ${mode.name === 'full' ? `Median of ${mode.rounds} rounds` : `${mode.rounds} round(s)`}, rounds interleave the contenders.`,
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
        if (!rows.some((row) => row.throughput[handler]))
            continue;
        lines.push(...throughputTable(rows, handler), '');
    }
    lines.push(...cpuTable(rows));
    lines.push('### Latency at a fixed publish rate below saturation', '', ...latencyTable(rows), '');
    lines.push('### Memory', '', ...rssTable(rows), '');
    for (const extra of result.extra) {
        lines.push(`### ${extra.title}`, '', '| case | per second | ratio to the first |', '|---|---|---|');
        for (const r of extra.results)
            lines.push(`| ${r.name} | ${r.perSecond} | ${ratio(r.perSecond, extra.results[0].perSecond)} |`);
        lines.push('');
    }
    const errors = rows.flatMap((row) => row.errors.map((e) => `- ${row.title}: ${e}`));
    if (errors.length > 0)
        lines.push('### Failed runs', '', ...errors, '');
    return lines.join('\n');
}
/** docs/benchmarks.md with its generated section replaced (the text around the markers is kept). */
function writeMarkdown(existing, result) {
    const section = `${BEGIN}\n${generatedSection(result)}\n${END}`;
    const begin = existing.indexOf('<!-- bench:begin');
    const end = existing.indexOf(END);
    if (begin >= 0 && end > begin)
        return existing.slice(0, begin) + section + existing.slice(end + END.length);
    return `# Benchmarks\n\n\`npm run bench\` (full, about N minutes) or \`npm run bench -- --quick\` (under 5 minutes) against the local brokers.\n\n## Results\n\n${section}\n`;
}
//# sourceMappingURL=report.js.map