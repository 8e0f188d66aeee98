/** A diagnostic's `FixData` as minimal text edits: only the node at fault changes, comments and layout stay. */
import type { Analysis } from '../analyze';
import type { FixData } from '../diagnostics/diagnostic';
import { yamlString } from '../format/writeReport';
import { fmt } from '../i18n/messages';
import { insertMissingEdits } from './insertMissing';
import type { TextEdit } from './textEdit';

/** The edits of one fix, or undefined when it cannot be applied to this text (e.g. a flow mapping). */
export function fixEdits(analysis: Pick<Analysis, 'doc' | 'report'>, fix: FixData): TextEdit[] | undefined {
  switch (fix.kind) {
    case 'setValue':
      return [{ start: fix.range.start, end: fix.range.end, newText: fmt(fix.value) }];
    case 'renameKey':
      return [{ start: fix.range.start, end: fix.range.end, newText: yamlString(fix.key) }];
    case 'replaceText':
      return [{ start: fix.range.start, end: fix.range.end, newText: fix.text }];
    case 'insertMissing':
      return insertMissingEdits(analysis.doc, analysis.report.edition, fix.path, fix.ids);
  }
}
