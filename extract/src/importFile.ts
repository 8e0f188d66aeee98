/**
 * One published report file — its bytes and its name — as report YAML: a PDF's text is extracted here (pdfjs-dist)
 * and placed by the core; everything else (HTML, text, .docx) the core reads from the bytes. The outcome depends on
 * nothing but the bytes and the name, so that files can be imported in any order, or side by side, and give the
 * same reports.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { IMPORT_MESSAGES as IM, MAX_IMPORT_BYTES, importPdf, importReport } from '../../core/src/index';
import type { ImportOutcome, Localized } from '../../core/src/index';
import { pdfItems } from './pdfItems';
import type { PdfLimits, PdfProblem } from './pdfItems';

export function isPdf(bytes: Uint8Array): boolean {
  // The header may follow a little junk; readers look in the first kilobyte.
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 1024)).toString('latin1');
  return head.includes('%PDF-');
}

const LIMIT_NAMES: Readonly<Record<string, { zh: string; en: string }>> = {
  pages: { zh: '页数', en: 'pages' },
  items: { zh: '文字块数', en: 'text items' },
  chars: { zh: '字符数', en: 'characters' },
  cpu: { zh: '读取用时（毫秒）', en: 'reading time (ms of CPU)' },
  stream: { zh: '单个数据流解压后字节数', en: 'bytes one stream inflates to' },
  decoded: { zh: '数据流解压后总字节数', en: 'bytes all streams inflate to' },
  objects: { zh: '对象数', en: 'objects' },
};

function problemMessage(problem: PdfProblem): Localized {
  if (problem.kind === 'encrypted') return IM.pdfEncrypted();
  if (problem.kind === 'damaged') return IM.pdfDamaged(problem.detail);
  const name = LIMIT_NAMES[problem.what];
  const zh = IM.pdfLimit(`${name.zh} ${problem.found}`, String(problem.limit)).zh;
  const en = IM.pdfLimit(`${name.en}: ${problem.found}`, String(problem.limit)).en;
  return { zh, en };
}

/**
 * Where pdfjs-dist's CMaps for Chinese fonts are: `cmaps/` beside the bundle (dist/), else the package's own folder
 * (running from out/ in the repository).
 */
export function defaultCmapDir(): string | undefined {
  const beside = join(__dirname, 'cmaps');
  if (existsSync(beside)) return beside;
  try {
    return join(dirname(require.resolve('pdfjs-dist/package.json')), 'cmaps');
  } catch {
    return undefined;
  }
}

export interface ImportFileOptions {
  readonly cmapDir?: string;
  readonly pdfLimits?: PdfLimits;
}

/** The report in a file's bytes; `name` is for messages only. Never rejects. */
export async function importFile(
  bytes: Uint8Array,
  name: string,
  options: ImportFileOptions = {},
): Promise<ImportOutcome> {
  void name;
  try {
    if (bytes.length > MAX_IMPORT_BYTES) return importReport(bytes);
    if (!isPdf(bytes)) return importReport(bytes);
    const read = await pdfItems(bytes, { cmapDir: options.cmapDir ?? defaultCmapDir(), limits: options.pdfLimits });
    if (!read.ok) return { ok: false, error: problemMessage(read.problem) };
    return importPdf(read.pages);
  } catch (error) {
    return { ok: false, error: { zh: `导入失败：${String(error)}`, en: `Import failed: ${String(error)}` } };
  }
}
