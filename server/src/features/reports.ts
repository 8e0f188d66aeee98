/** The custom requests behind the client's commands: editions, a new report's skeleton, checking files on disk. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Connection } from 'vscode-languageserver/node';
import { EDITIONS, LineIndex, TEMPLATES, analyze, editionForYear, isEdition, writeSkeleton } from '../../../core/src/index';
import type { Lang } from '../../../core/src/index';
import type { DocumentStore } from '../documentStore';
import { t } from '../l10n';
import type { CheckFilesParams, CheckFilesResult, EditionInfo, SkeletonParams, SkeletonResult } from '../protocol';
import { toLspDiagnostic } from './diagnostics';

export function editions(): EditionInfo[] {
  return EDITIONS.map((edition) => {
    const model = TEMPLATES[edition];
    return {
      edition,
      document: model.document,
      title: model.documentTitle,
      from: model.years.from,
      ...(model.years.to !== undefined ? { to: model.years.to } : {}),
    };
  });
}

export function skeleton(params: SkeletonParams): SkeletonResult {
  const { edition, year, agency } = params;
  if (!isEdition(edition)) return { error: t('Unknown template edition {0}', String(edition)) };
  if (!Number.isInteger(year)) return { error: t('The report year must be a whole number such as 2024') };
  const expected = editionForYear(year);
  if (expected !== edition) {
    return expected === undefined
      ? { error: t('{0} predates the report templates (from 2019 on)', year) }
      : { error: t('A {0} report uses the {1} template', year, expected) };
  }
  if (!agency.trim()) return { error: t('The agency name must not be empty') };
  return { text: writeSkeleton(edition, year, agency.trim()) };
}

const decoder = new TextDecoder('utf-8', { fatal: false });

/**
 * Check report files from disk and publish their diagnostics (the Problems panel of a workspace check). Open
 * documents already have live diagnostics from the editor's text and are only counted.
 */
export function checkFiles(params: CheckFilesParams, connection: Connection, store: DocumentStore, lang: Lang): CheckFilesResult {
  let errors = 0;
  let warnings = 0;
  let information = 0;
  let withProblems = 0;
  const unreadable: string[] = [];
  let files = 0;
  for (const uri of params.uris) {
    const open = store.get(uri);
    let text: string;
    if (open) {
      text = open.text;
    } else {
      try {
        text = decoder.decode(readFileSync(fileURLToPath(uri)));
      } catch {
        unreadable.push(uri);
        continue;
      }
    }
    files++;
    const analysis = open ? open.analysis : analyze(text);
    const count = (s: string): number => analysis.diagnostics.filter((d) => d.severity === s).length;
    const e = count('error');
    const w = count('warning');
    errors += e;
    warnings += w;
    information += count('information');
    if (e + w > 0) withProblems++;
    if (!open) {
      const lines = new LineIndex(text);
      void connection.sendDiagnostics({ uri, diagnostics: analysis.diagnostics.map((d) => toLspDiagnostic(d, uri, lines, lang)) });
    }
  }
  return { files, errors, warnings, information, withProblems, unreadable };
}
