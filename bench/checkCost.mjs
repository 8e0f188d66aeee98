// 1. Check cost: the core's `analyze` (parse, bind, schema, every single-report invariant and the narrative
// checks) against a bare js-yaml `load` and a bare `yaml` `parseDocument` of the same text, on the typical
// report and the large stress report; and the recovery path (one syntax error) against the same bare parsers.
// Measurements are interleaved round by round, and the ratios are taken within each round.
import { loadCore, loadCoreModule, require, rounds, table, targetRow, us, utf8, verdict, x, kb } from './lib.mjs';
import { brokenReport, narrativeSizes, stressReport, typicalReport } from './stressReport.mjs';

export const TARGET_RATIO = 1.5;
/** Issue 19: `analyze` of the typical report, the recovery path against the clean analysis, the stress narrative. */
export const TARGET_TYPICAL = 1.2;
export const TARGET_RECOVERY = 2;
export const TARGET_NARRATIVE = 1.5;

/** The narrative scan of a report: every section's statements, as invariant 9 finds them (no memo). */
function narrativeScan(core, extract, text) {
  const { report } = core.analyze(text);
  const sections = [...report.texts.values()].map((t) => t.text ?? '').filter((t) => t.length > 0);
  const year = report.year;
  return () => {
    for (const t of sections) extract.extractStatements(t, { year });
  };
}

/** Where `analyze`'s time goes, in CPU time against js-yaml `load`: its parse, the binding, the checks. */
function split(r) {
  const checks = r.cpuVsJsyaml - r.parseBindVsJsyaml;
  return `in js-yaml loads: our parse alone ${x(r.parseVsJsyaml)}, the binding to the template ${x(Math.max(0, r.parseBindVsJsyaml - r.parseVsJsyaml))}, the checks (schema, every invariant, the narrative's figures — work js-yaml does not do) ${x(checks)}`;
}

export async function checkCost({ quick = false, before } = {}) {
  const core = loadCore();
  const old = before ? loadCore(before) : undefined;
  const jsyaml = require('js-yaml');
  const YAML = require('yaml');
  const docs = [
    { name: 'typical report (examples/shifan-2024.nianbao.yaml)', key: 'typical', text: typicalReport() },
    { name: 'large stress report', key: 'stress', text: stressReport() },
  ];
  const broken = brokenReport();
  const opts = quick ? { rounds: 3, minMs: 100 } : { rounds: 9, minMs: 250 };
  const results = {};
  for (const d of docs) {
    const diagnostics = core.analyze(d.text).diagnostics;
    if (diagnostics.length > 0)
      throw new Error(`${d.key}: expected a clean report, got ${diagnostics.map((g) => g.code).join(', ')}`);
    const r = rounds(
      {
        analyze: () => core.analyze(d.text),
        // Where analyze's time goes: the parse alone, and the parse with the binding to the template.
        parse: () => core.parse(d.text),
        parseBind: () => core.bindReport(core.parse(d.text)),
        jsyaml: () => jsyaml.load(d.text),
        yaml: () => YAML.parseDocument(d.text),
        ...(old ? { before: () => old.analyze(d.text) } : {}),
      },
      opts,
    );
    results[d.key] = {
      ...r.medians,
      cpu: r.cpuMedians,
      vsJsyaml: r.ratio('analyze', 'jsyaml'),
      parseVsJsyaml: r.cpuRatio('parse', 'jsyaml'),
      parseBindVsJsyaml: r.cpuRatio('parseBind', 'jsyaml'),
      beforeVsJsyaml: old ? r.ratio('before', 'jsyaml') : undefined,
      beforeCpuVsJsyaml: old ? r.cpuRatio('before', 'jsyaml') : undefined,
      vsYaml: r.ratio('analyze', 'yaml'),
      cpuVsJsyaml: r.cpuRatio('analyze', 'jsyaml'),
      bytes: utf8(d.text),
      lines: d.text.split('\n').length,
    };
  }
  // The recovery path: js-yaml rejects the text, the `yaml` package parses it again with recovery.
  const analysed = core.analyze(broken);
  if (analysed.doc.parser !== 'recover' || !analysed.diagnostics.some((g) => g.code === 'NB101'))
    throw new Error('the broken report did not take the recovery path');
  const rb = rounds(
    {
      analyze: () => core.analyze(broken),
      analyzeClean: () => core.analyze(docs[0].text),
      // Where the difference is: the parse (with the binding), and the checks after it.
      parseBroken: () => core.bindReport(core.parse(broken)),
      parseClean: () => core.bindReport(core.parse(docs[0].text)),
      jsyamlThrows: () => {
        try {
          jsyaml.load(broken);
        } catch {}
      },
      jsyamlClean: () => jsyaml.load(docs[0].text),
      yaml: () => YAML.parseDocument(broken),
      ...(old ? { before: () => old.analyze(broken), beforeClean: () => old.analyze(docs[0].text) } : {}),
    },
    opts,
  );
  results.broken = {
    ...rb.medians,
    beforeVsClean: old ? rb.ratio('before', 'beforeClean') : undefined,
    cpuVsClean: rb.cpuRatio('analyze', 'analyzeClean'),
    beforeCpuVsClean: old ? rb.cpuRatio('before', 'beforeClean') : undefined,
    vsJsyamlClean: rb.ratio('analyze', 'jsyamlClean'),
    vsYaml: rb.ratio('analyze', 'yaml'),
    vsClean: rb.ratio('analyze', 'analyzeClean'),
    cpu: rb.cpuMedians,
    findings: analysed.diagnostics.length,
  };

  // The stress report's narrative scan alone (every section's statements), against js-yaml's load of the report.
  const scan = narrativeScan(core, loadCoreModule('narrative/extractStatements'), docs[1].text);
  const scanBefore = old
    ? narrativeScan(old, loadCoreModule('narrative/extractStatements', before), docs[1].text)
    : undefined;
  const rn = rounds(
    { scan, jsyaml: () => jsyaml.load(docs[1].text), ...(scanBefore ? { before: scanBefore } : {}) },
    quick ? { rounds: 3, minMs: 200 } : { rounds: 7, minMs: 400 },
  );
  results.narrative = {
    ...rn.medians,
    vsJsyaml: rn.ratio('scan', 'jsyaml'),
    cpuVsJsyaml: rn.cpuRatio('scan', 'jsyaml'),
    beforeVsJsyaml: scanBefore ? rn.ratio('before', 'jsyaml') : undefined,
    beforeCpuVsJsyaml: scanBefore ? rn.cpuRatio('before', 'jsyaml') : undefined,
  };

  const stress = docs[1].text;
  const sizes = narrativeSizes(core, stress);
  const t = results.typical;
  const s = results.stress;
  const b = results.broken;
  const n = results.narrative;
  const pair = (cpu, wall) => (cpu === undefined ? '—' : `${x(cpu)}; ${x(wall)}`);
  const markdown = [
    `Median wall time per call over ${opts.rounds} interleaved rounds (each round: as many calls as fit in ${opts.minMs} ms, garbage collection included); ratios are the median of the per-round ratios; the CPU-time ratio (this process's user + system time, garbage-collector threads included) is less disturbed by other jobs on the machine. \`analyze\` = parse + bind + schema + all single-report invariants and narrative checks (what \`nianbao check\` and the language server run per document).`,
    '',
    table(
      [
        'document',
        'size',
        '`analyze`',
        'js-yaml `load`',
        '`yaml` `parseDocument`',
        'analyze / js-yaml',
        'analyze / yaml',
        'analyze / js-yaml in CPU time',
        `target ≤ ${TARGET_RATIO}× js-yaml`,
      ],
      [
        [
          'typical report',
          `${kb(t.bytes)}, ${t.lines} lines`,
          us(t.analyze),
          us(t.jsyaml),
          us(t.yaml),
          x(t.vsJsyaml),
          x(t.vsYaml),
          x(t.cpuVsJsyaml),
          verdict(t.vsJsyaml <= TARGET_RATIO),
        ],
        [
          'large stress report',
          `${kb(s.bytes)}, ${s.lines} lines`,
          us(s.analyze),
          us(s.jsyaml),
          us(s.yaml),
          x(s.vsJsyaml),
          x(s.vsYaml),
          x(s.cpuVsJsyaml),
          verdict(s.vsJsyaml <= TARGET_RATIO),
        ],
      ],
    ),
    '',
    `The stress report is the typical one with every narrative section grown to at least 200 KB of UTF-8 (${Object.entries(
      sizes,
    )
      .map(([k, v]) => `${k} ${kb(v)}`)
      .join(
        ', ',
      )}; its paragraphs state the table's figures, so every one is checked) and a ${'120'}-line comment block before every section and table; it checks clean, as the typical report does (\`bench/stressReport.mjs\`).`,
    '',
    `The stress report's narrative scan alone (every narrative section's statements, as invariant 9 finds them, without the editor's memo): ${us(n.scan)} against js-yaml \`load\` of the whole report ${us(n.jsyaml)} — ${x(n.vsJsyaml)} (CPU time ${x(n.cpuVsJsyaml)})${old ? `; the before build ${us(n.before)}, ${x(n.beforeVsJsyaml)}` : ''}.`,
    '',
    'Recovery path — the typical report with one syntax error (a row whose `[` is never closed): js-yaml rejects it, the `yaml` package parses it again with error recovery, and the rest of the report is still checked:',
    '',
    table(
      ['', 'median'],
      [
        [
          '`analyze` of the broken report (recovery)',
          `${us(b.analyze)} (${b.findings} finding${b.findings === 1 ? '' : 's'})`,
        ],
        ['`analyze` of the same report without the error', `${us(b.analyzeClean)} — recovery costs ${x(b.vsClean)}`],
        ['js-yaml `load` of the broken text (throws at the error)', us(b.jsyamlThrows)],
        [
          'js-yaml `load` of the clean text',
          `${us(b.jsyamlClean)} — recovery analyze / clean load ${x(b.vsJsyamlClean)}`,
        ],
        [
          '`yaml` `parseDocument` of the broken text (recovers too)',
          `${us(b.yaml)} — recovery analyze / parseDocument ${x(b.vsYaml)}`,
        ],
      ],
    ),
  ].join('\n');
  return {
    title: 'Check cost',
    markdown,
    results,
    figures: [
      { name: '`analyze`, typical report', value: t.analyze * 1000, unit: 'µs' },
      { name: '`analyze` / js-yaml `load`, typical report', value: t.vsJsyaml, unit: '×' },
      { name: '`analyze` / js-yaml `load`, typical report, CPU time', value: t.cpuVsJsyaml, unit: '×' },
      { name: '`analyze`, large stress report', value: s.analyze, unit: 'ms' },
      { name: '`analyze` / js-yaml `load`, large stress report', value: s.vsJsyaml, unit: '×' },
      { name: '`analyze` with one syntax error (recovery)', value: b.analyze * 1000, unit: 'µs' },
      { name: 'narrative scan / js-yaml `load`, large stress report', value: n.vsJsyaml, unit: '×' },
    ],
    // Issue 19's rows: CPU-time ratios decide (the machine is shared; wall-time ratios beside them).
    issue19: [
      targetRow(
        '`analyze` / js-yaml `load`, typical report (CPU time; wall)',
        `≤ ${TARGET_TYPICAL}×`,
        pair(t.beforeCpuVsJsyaml, t.beforeVsJsyaml),
        pair(t.cpuVsJsyaml, t.vsJsyaml),
        t.cpuVsJsyaml <= TARGET_TYPICAL,
        split(t),
      ),
      targetRow(
        'one syntax error / clean `analyze`, typical report (CPU time; wall)',
        `≤ ${TARGET_RECOVERY}×`,
        pair(b.beforeCpuVsClean, b.beforeVsClean),
        pair(b.cpuVsClean, b.vsClean),
        b.cpuVsClean <= TARGET_RECOVERY,
        `CPU per analysis: the parse and binding of the broken report ${us(b.cpu.parseBroken)} against ${us(b.cpu.parseClean)} clean (the line reader reads past the broken line; js-yaml then reads that line's top-level entry to confirm it), the checks after it ${us(b.cpu.analyze - b.cpu.parseBroken)} against ${us(b.cpu.analyzeClean - b.cpu.parseClean)}`,
      ),
      targetRow(
        'stress report: narrative scan / js-yaml `load` (CPU time; wall)',
        `≤ ${TARGET_NARRATIVE}×`,
        pair(n.beforeCpuVsJsyaml, n.beforeVsJsyaml),
        pair(n.cpuVsJsyaml, n.vsJsyaml),
        n.cpuVsJsyaml <= TARGET_NARRATIVE,
      ),
      targetRow(
        'stress report: whole `analyze` / js-yaml `load` (CPU time; wall)',
        `≤ ${TARGET_NARRATIVE}× (was 3.8×)`,
        pair(s.beforeCpuVsJsyaml, s.beforeVsJsyaml),
        pair(s.cpuVsJsyaml, s.vsJsyaml),
        s.cpuVsJsyaml <= TARGET_NARRATIVE,
        split(s),
      ),
    ],
    targets: [
      {
        name: 'check cost, typical report',
        target: `≤ ${TARGET_RATIO}× js-yaml load`,
        value: `${x(t.vsJsyaml)} (${us(t.analyze)} vs ${us(t.jsyaml)})`,
        met: t.vsJsyaml <= TARGET_RATIO,
      },
      {
        name: 'check cost, large stress report',
        target: `≤ ${TARGET_RATIO}× js-yaml load`,
        value: `${x(s.vsJsyaml)} (${us(s.analyze)} vs ${us(s.jsyaml)})`,
        met: s.vsJsyaml <= TARGET_RATIO,
      },
    ],
  };
}
