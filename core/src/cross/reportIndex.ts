/**
 * The workspace index: every report by URI, keyed by 机关 (normalised) and 年度, with the cross-report findings
 * of each. Pure: documents come in as (uri, text), findings go out; the CLI feeds it files, the language server
 * feeds it the workspace and the unsaved editors.
 *
 * Dependencies: the cross findings of a report at (机关 a, 年度 y) depend only on the reports at (a, y) (duplicates)
 * and (a, y−1) (carry-over from last year). So a change to a report re-checks the reports at (a, y) and (a, y+1)
 * for its old and its new key, and nothing else; when its cross-relevant facts (key, carry-over and stock cells,
 * their places) did not change, it re-checks none.
 */
import { analyze } from '../analyze';
import type { Analysis, AnalyzeOptions } from '../analyze';
import type { Diagnostic } from '../diagnostics/diagnostic';
import { YEAR_PAIR_RULES, nb320DuplicateReport } from '../rules/allCrossRules';
import type { IndexedReport } from '../rules/crossRule';
import { reportFacts } from '../model/reportFacts';
import type { ReportFacts } from '../model/reportFacts';
import { narrativeFacts } from '../narrative/narrativeFacts';

/**
 * What the index keeps of a report read from disk, made from its text alone (`checkReport`): a batch can make it in
 * other threads and hand it to the index (`setChecked`), which then holds exactly what `set` would have.
 */
export interface CheckedReport {
  readonly facts: ReportFacts;
  /** The single-document diagnostics. */
  readonly diagnostics: readonly Diagnostic[];
  readonly hash: number;
  readonly length: number;
}

/** Analyse a report's text for the index: its facts, its own findings, and what tells the text again. */
export function checkReport(text: string, options: AnalyzeOptions = {}): CheckedReport {
  const analysis = analyze(text, options);
  return {
    facts: reportFacts(analysis.report, narrativeFacts(analysis.report, text)),
    diagnostics: analysis.diagnostics,
    hash: hashText(text),
    length: text.length,
  };
}

interface Entry extends IndexedReport {
  readonly uri: string;
  readonly facts: ReportFacts;
  /** The single-document diagnostics of the last analysis. */
  readonly diagnostics: readonly Diagnostic[];
  /** Of a text read from disk; an editor's text (given with its analysis) is kept and compared as it is. */
  readonly hash: number;
  readonly length: number;
  readonly text?: string;
}

export interface IndexUpdate {
  /** The document that was analysed again (absent for a deletion or an unchanged text). */
  readonly analysis?: Analysis;
  /** Reports whose cross findings were recomputed, the changed one included when it still exists. */
  readonly rechecked: readonly string[];
  /** Reports whose full list of diagnostics may differ now: publish these. */
  readonly changed: readonly string[];
}

export interface IndexStats {
  readonly reports: number;
  readonly agencies: number;
  readonly years: readonly number[];
}

/** FNV-1a over UTF-16 units: cheap enough to skip re-analysing a text that did not change. */
function hashText(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The files that claim one agency and year. */
type Claimants = string | Set<string>;

/** A fresh array of the claimants' URIs (in the order they claimed, as a set iterates). */
function urisOf(at: Claimants | undefined): string[] {
  return at === undefined ? [] : typeof at === 'string' ? [at] : [...at];
}

function byStart(a: Diagnostic, b: Diagnostic): number {
  return a.range.start - b.range.start || a.range.end - b.range.end;
}

export class ReportIndex {
  private readonly entries = new Map<string, Entry>();
  /** agencyKey → year → URIs: one URI as itself (almost every key), a set only for two or more (NB320). */
  private readonly byKey = new Map<string, Map<number, Claimants>>();
  private readonly cross = new Map<string, readonly Diagnostic[]>();
  /** How many cross re-checks ran in total (for benchmarks and tests of the dependency tracking). */
  recheckCount = 0;

  constructor(private readonly options: AnalyzeOptions = {}) {}

  /** Whether the index holds exactly this text for the document (a file read again is the one checked). */
  holds(uri: string, text: string): boolean {
    const entry = this.entries.get(uri);
    return (
      entry !== undefined &&
      entry.length === text.length &&
      (entry.text !== undefined ? entry.text === text : entry.hash === hashText(text))
    );
  }

  /**
   * Add or replace a document (created, opened, edited, saved). `analysis`: the caller's analysis of this very
   * text (an editor's document store), so that each version is parsed once.
   */
  set(uri: string, text: string, analysis?: Analysis): IndexUpdate {
    if (this.holds(uri, text)) return { rechecked: [], changed: [] };
    if (analysis === undefined) {
      // A file read from disk keeps only its hash.
      analysis = analyze(text, this.options);
      const facts = reportFacts(analysis.report, narrativeFacts(analysis.report, text));
      return {
        ...this.put({ uri, facts, diagnostics: analysis.diagnostics, hash: hashText(text), length: text.length }),
        analysis,
      };
    }
    // An editor's document (it comes with its analysis) holds its text anyway: keeping a reference costs nothing
    // and spares hashing the whole text on every keystroke. Its narrative facts are made only if a neighbour or
    // a comparison of signatures asks for them.
    const report = analysis.report;
    const facts = reportFacts(report, () => narrativeFacts(report, text));
    return {
      ...this.put({ uri, facts, diagnostics: analysis.diagnostics, hash: 0, length: text.length, text }),
      analysis,
    };
  }

  /**
   * Add or replace a file checked elsewhere (`checkReport`, in a worker thread of a batch): the index then holds
   * what `set` with the file's text would have given it.
   */
  setChecked(uri: string, checked: CheckedReport): IndexUpdate {
    const old = this.entries.get(uri);
    if (old && old.text === undefined && old.hash === checked.hash && old.length === checked.length)
      return { rechecked: [], changed: [] };
    return this.put({ uri, ...checked });
  }

  private put(entry: Entry): IndexUpdate {
    const { uri, facts } = entry;
    const old = this.entries.get(uri);
    // Alone under its agency and year, before and after (no report of that agency the year before, the same year
    // or the year after), nothing reads its facts and its own cross findings stay none: no signature is needed.
    if (old && (this.alone(uri, old.facts, facts) || old.facts.signature === facts.signature)) {
      // Only this document's own findings changed; its neighbours' do not depend on anything that moved.
      this.entries.set(uri, entry);
      return { rechecked: [], changed: [uri] };
    }
    const affected = new Set<string>();
    if (old) {
      this.collectDependents(old.facts, affected);
      this.unlink(uri, old.facts);
    }
    this.entries.set(uri, entry);
    this.link(uri, facts);
    this.collectDependents(facts, affected);
    affected.add(uri);
    const rechecked = this.recheck(affected);
    return { rechecked, changed: rechecked };
  }

  /** Remove a document (deleted, or no longer a report). */
  delete(uri: string): IndexUpdate {
    const old = this.entries.get(uri);
    if (!old) return { rechecked: [], changed: [] };
    const affected = new Set<string>();
    this.collectDependents(old.facts, affected);
    this.unlink(uri, old.facts);
    this.entries.delete(uri);
    this.cross.delete(uri);
    affected.delete(uri);
    const rechecked = this.recheck(affected);
    return { rechecked, changed: [uri, ...rechecked] };
  }

  /** A renamed file: same text under a new URI (findings elsewhere name the file, so its neighbours change). */
  rename(from: string, to: string, text?: string): IndexUpdate {
    const old = this.entries.get(from);
    if (!old) return text === undefined ? { rechecked: [], changed: [] } : this.set(to, text);
    const removed = this.delete(from);
    if (text !== undefined) {
      const added = this.set(to, text);
      return { ...added, changed: [...new Set([...removed.changed, ...added.changed])] };
    }
    if (this.entries.has(to)) this.delete(to);
    const entry: Entry = { ...old, uri: to };
    this.entries.set(to, entry);
    this.link(to, entry.facts);
    const affected = new Set<string>([to]);
    this.collectDependents(entry.facts, affected);
    const rechecked = this.recheck(affected);
    return { rechecked, changed: [...new Set([...removed.changed, ...rechecked])] };
  }

  has(uri: string): boolean {
    return this.entries.has(uri);
  }

  uris(): IterableIterator<string> {
    return this.entries.keys();
  }

  get size(): number {
    return this.entries.size;
  }

  facts(uri: string): ReportFacts | undefined {
    return this.entries.get(uri)?.facts;
  }

  /** Findings that need other reports: carry-over and stock continuity with last year, duplicates. */
  crossDiagnostics(uri: string): readonly Diagnostic[] {
    return this.cross.get(uri) ?? [];
  }

  /** Everything about one document: its own analysis and the cross findings, in text order. */
  diagnostics(uri: string): readonly Diagnostic[] {
    const entry = this.entries.get(uri);
    if (!entry) return [];
    const cross = this.crossDiagnostics(uri);
    return cross.length === 0 ? entry.diagnostics : [...entry.diagnostics, ...cross].sort(byStart);
  }

  /** The report of the same agency in another year, when exactly one file claims it. */
  reportOf(agencyKey: string, year: number): string | undefined {
    const at = this.byKey.get(agencyKey)?.get(year);
    return typeof at === 'string' ? at : undefined;
  }

  /** Every file that claims this agency and year (two or more: NB320 on each). */
  reportsOf(agencyKey: string, year: number): string[] {
    return urisOf(this.byKey.get(agencyKey)?.get(year)).sort();
  }

  /** Every agency with the years it has reports for (in order) and its name as its latest report writes it. */
  agencies(): { readonly key: string; readonly agency: string; readonly years: readonly number[] }[] {
    const out: { key: string; agency: string; years: number[] }[] = [];
    for (const [key, byYear] of this.byKey) {
      const years = [...byYear.keys()].sort((a, b) => a - b);
      const latest = urisOf(byYear.get(years[years.length - 1]))[0];
      out.push({ key, agency: this.entries.get(latest)?.facts.agency ?? key, years });
    }
    return out.sort((a, b) => a.agency.localeCompare(b.agency, 'zh-CN'));
  }

  /** The years one agency has a report for, in order. */
  yearsOf(agencyKey: string): number[] {
    return [...(this.byKey.get(agencyKey)?.keys() ?? [])].sort((a, b) => a - b);
  }

  stats(): IndexStats {
    const years = new Set<number>();
    let agencies = 0;
    for (const byYear of this.byKey.values()) {
      agencies++;
      for (const y of byYear.keys()) years.add(y);
    }
    return { reports: this.entries.size, agencies, years: [...years].sort((a, b) => a - b) };
  }

  private link(uri: string, facts: ReportFacts): void {
    if (facts.agencyKey === undefined || facts.year === undefined) return;
    let byYear = this.byKey.get(facts.agencyKey);
    if (!byYear) this.byKey.set(facts.agencyKey, (byYear = new Map()));
    const at = byYear.get(facts.year);
    if (at === undefined || at === uri) byYear.set(facts.year, uri);
    else if (typeof at === 'string') byYear.set(facts.year, new Set([at, uri]));
    else at.add(uri);
  }

  private unlink(uri: string, facts: ReportFacts): void {
    if (facts.agencyKey === undefined || facts.year === undefined) return;
    const byYear = this.byKey.get(facts.agencyKey);
    const at = byYear?.get(facts.year);
    if (!byYear || at === undefined) return;
    if (typeof at === 'string') {
      if (at === uri) byYear.delete(facts.year);
    } else {
      at.delete(uri);
      if (at.size === 1) byYear.set(facts.year, [...at][0]);
      else if (at.size === 0) byYear.delete(facts.year);
    }
    if (byYear.size === 0) this.byKey.delete(facts.agencyKey);
  }

  /** Same key as `before`, and no other report of the agency in that year or the years beside it. */
  private alone(uri: string, before: ReportFacts, facts: ReportFacts): boolean {
    const { agencyKey, year } = facts;
    if (agencyKey !== before.agencyKey || year !== before.year) return false;
    if (agencyKey === undefined || year === undefined) return true;
    const byYear = this.byKey.get(agencyKey);
    return byYear?.get(year) === uri && byYear.get(year - 1) === undefined && byYear.get(year + 1) === undefined;
  }

  /** Reports whose cross findings read a report with these facts: same agency, same year and the next. */
  private collectDependents(facts: ReportFacts, into: Set<string>): void {
    if (facts.agencyKey === undefined || facts.year === undefined) return;
    const byYear = this.byKey.get(facts.agencyKey);
    if (!byYear) return;
    for (const y of [facts.year, facts.year + 1]) for (const u of urisOf(byYear.get(y))) into.add(u);
  }

  private recheck(uris: Iterable<string>): string[] {
    const done: string[] = [];
    for (const uri of uris) {
      const entry = this.entries.get(uri);
      if (!entry) continue;
      this.recheckCount++;
      const found = this.crossOf(entry);
      if (found.length > 0) this.cross.set(uri, found);
      else this.cross.delete(uri);
      done.push(uri);
    }
    return done;
  }

  private crossOf(entry: Entry): Diagnostic[] {
    const { agencyKey, year } = entry.facts;
    if (agencyKey === undefined || year === undefined) return [];
    const byYear = this.byKey.get(agencyKey);
    const out: Diagnostic[] = [];
    const same = urisOf(byYear?.get(year))
      .filter((u) => u !== entry.uri)
      .sort();
    out.push(
      ...nb320DuplicateReport.check(
        entry,
        same.map((u) => this.entries.get(u) as Entry),
      ),
    );
    const previous = byYear?.get(year - 1);
    // With two reports for last year, which one carries over is unknown; NB320 on them says why.
    if (typeof previous === 'string') {
      const prev = this.entries.get(previous) as Entry;
      for (const rule of YEAR_PAIR_RULES) {
        try {
          out.push(...rule.check(prev, entry));
        } catch {
          // A failing rule must not hide the others' findings.
        }
      }
    }
    return out.sort(byStart);
  }
}
