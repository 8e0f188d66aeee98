/**
 * Precision and recall of the narrative check on real published report texts (not a test: no figure is asserted).
 * test/fixtures/narrative/real/reports.txt holds each report's narrative passages with every table figure marked
 * by hand ([[N|q]]); the extractor is run on the text without the marks, with the report's year and agency.
 *
 *   precision = statements that state the marked quantity at a marked figure / statements found
 *   recall    = marked figures found with the marked quantity / marked figures
 *
 * Usage: node bench/narrativeAccuracy.mjs [path to a compiled core, default out/core/src] [--verbose]
 * (`npm run build` or `npx tsc -b` first). Before/after: point it at another worktree's out/core/src.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const core = resolve(args.find((a) => !a.startsWith('--')) ?? join(ROOT, 'out', 'core', 'src'));
const narrative = await import(pathToFileURL(join(core, 'narrative', 'extractStatements.js')).href);
const { extractStatements } = narrative;
/** The agency's own scope (全区 of a 区人民政府), where the core under test knows it. */
const scopeOf = (agency) => narrative.ownScope?.(agency);

const MARK = /\[\[([^|\]]+)\|([^\]]+)\]\]/g;

/** The corpus as reports: header, source, text without marks, and the marks with their offsets. */
function readReports(text) {
  const reports = [];
  let current;
  for (const line of text.split('\n')) {
    if (line.startsWith('## ')) {
      const [agency, year, edition, kind] = line
        .slice(3)
        .split('|')
        .map((s) => s.trim());
      current = { agency, year: Number(year), edition: Number(edition), kind, lines: [] };
      reports.push(current);
    } else if (current && !line.startsWith('#')) current.lines.push(line);
  }
  for (const r of reports) {
    const raw = r.lines.join('\n').trim();
    let plain = '';
    let at = 0;
    r.marks = [];
    for (const m of raw.matchAll(MARK)) {
      plain += raw.slice(at, m.index);
      r.marks.push({ start: plain.length, raw: m[1], readings: m[2].split('/') });
      plain += m[1];
      at = m.index + m[0].length;
    }
    r.text = plain + raw.slice(at);
  }
  return reports;
}

function claimsKey(statement) {
  return statement.claims.map((c) => c.terms.join('+')).join(';');
}

const reports = readReports(readFileSync(join(ROOT, 'test', 'fixtures', 'narrative', 'real', 'reports.txt'), 'utf8'));
let found = 0;
let right = 0;
let marked = 0;
let recalled = 0;
const misses = [];
const wrong = [];
for (const r of reports) {
  const scope = scopeOf(r.agency);
  const statements = extractStatements(r.text, scope ? { year: r.year, scope } : { year: r.year });
  marked += r.marks.length;
  for (const s of statements) {
    found++;
    const mark = r.marks.find((m) => m.start === s.start);
    if (mark && mark.readings.includes(claimsKey(s))) right++;
    else
      wrong.push(
        `${r.agency} ${r.year}: ${s.text} → ${claimsKey(s)}${mark ? ` (marked ${mark.readings.join('/')})` : ''}`,
      );
  }
  for (const m of r.marks) {
    const s = statements.find((x) => x.start === m.start);
    if (s && m.readings.includes(claimsKey(s))) recalled++;
    else
      misses.push(
        `${r.agency} ${r.year}: ${m.raw} ${m.readings.join('/')}: «${r.text.slice(Math.max(0, m.start - 18), m.start + 6)}»`,
      );
  }
}
const pct = (a, b) => (b === 0 ? '—' : `${((100 * a) / b).toFixed(1)} %`);
console.log(`core: ${core}`);
console.log(`${reports.length} reports, ${marked} marked figures, ${found} statements found`);
console.log(
  `precision ${pct(right, found)} (${right}/${found}), recall ${pct(recalled, marked)} (${recalled}/${marked})`,
);
if (verbose) {
  console.log('\nnot a marked figure of that quantity:');
  for (const w of wrong) console.log(`  ${w}`);
  console.log('\nmarked figures not found:');
  for (const m of misses) console.log(`  ${m}`);
}
