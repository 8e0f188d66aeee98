/**
 * What one analysis of a document can hand to the next analysis of the same document: an editor analyses every
 * version, and most keystrokes change a table cell, not the narrative. The narrative statements (the expensive
 * part of invariant 9) are a function of a section's text, the report year and the agency's own scope (全区) alone,
 * so they are taken over
 * whenever that text is unchanged. Owned by the caller, one per document; pure (no I/O, no clock).
 */
import { extractStatements } from './narrative/extractStatements';
import type { Statement } from './narrative/extractStatements';

export class AnalysisMemo {
  /** Statements by year and scope, then by text: what the last analysis used, and what this one has so far. */
  private previous = new Map<string, Map<string, readonly Statement[]>>();
  private current = new Map<string, Map<string, readonly Statement[]>>();
  /** Statements taken over from the previous analysis (for tests and benchmarks). */
  reused = 0;

  statements(text: string, year: number | undefined, scope?: string): readonly Statement[] {
    const key = `${year ?? ''}|${scope ?? ''}`;
    let found = this.current.get(key)?.get(text);
    if (found === undefined) {
      found = this.previous.get(key)?.get(text);
      if (found !== undefined) this.reused++;
      else found = extractStatements(text, scope ? { year, scope } : { year });
      let byText = this.current.get(key);
      if (!byText) this.current.set(key, (byText = new Map()));
      byText.set(text, found);
    }
    return found;
  }

  /** The end of an analysis: only what it used is kept for the next one (three sections at most). */
  settle(): void {
    this.previous = this.current;
    this.current = new Map();
  }
}
