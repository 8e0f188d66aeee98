/**
 * `nianbao/import`: a published report (a file's bytes — a page, text, PDF or .docx — or pasted text) as report YAML
 * through the importer (`extract/src/importFile.ts`: PDFs are read in its worker thread), with its notes in the
 * user's language. Nothing is written here: the client opens the YAML as an unsaved document.
 */
import { MAX_IMPORT_BYTES, importReport, localize } from '../../../core/src/index';
import { importFile } from '../../../extract/src/importFile';
import type { Lang } from '../../../core/src/index';
import { t } from '../l10n';
import type { ImportParams, ImportResult } from '../../../protocol/src/protocol';
import { ImportRequest } from '../../../protocol/src/protocol';
import { cancellable } from '../guard';
import type { Feature } from '../serverContext';

/** The core's limit, checked here before the base64 is decoded. */
export { MAX_IMPORT_BYTES };

export async function importSource(
  params: ImportParams,
  reportsOf: (agency: string, year: number) => readonly string[],
  lang: Lang,
): Promise<ImportResult> {
  let input: string | Uint8Array;
  if (typeof params.base64 === 'string') {
    // Base64 is 4 characters per 3 bytes: refuse before decoding.
    if (params.base64.length > (MAX_IMPORT_BYTES / 3) * 4 + 4)
      return { error: t('The file is larger than {0} MB; nothing was imported', MAX_IMPORT_BYTES / 1024 / 1024) };
    input = new Uint8Array(Buffer.from(params.base64, 'base64'));
  } else if (typeof params.text === 'string') {
    if (params.text.length > MAX_IMPORT_BYTES)
      return { error: t('The file is larger than {0} MB; nothing was imported', MAX_IMPORT_BYTES / 1024 / 1024) };
    input = params.text;
  } else {
    return { error: t('Nothing to import') };
  }
  const result = typeof input === 'string' ? importReport(input) : await importFile(input, params.name ?? '');
  if (!result.ok) return { error: localize(result.error, lang) };
  const { agency, year, edition } = result.data;
  const existing = agency ? reportsOf(agency, year) : [];
  return {
    yaml: result.yaml,
    agency,
    year,
    edition,
    kind: result.kind,
    ...(result.encoding ? { encoding: result.encoding } : {}),
    notes: result.notes.map((n) => localize(n, lang)),
    fuzzy: result.fuzzy.length,
    unplaced: result.unplaced.length,
    missing: result.missing.length,
    ...(existing.length ? { existing } : {}),
  };
}

export const importFeature: Feature = (server) => {
  server.request(
    ImportRequest.type,
    () => ({ error: server.internalError() }),
    cancellable((params) => importSource(params, (a, y) => server.index.reportsOf(a, y), server.settings.lang)),
  );
};
