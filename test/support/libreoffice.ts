/**
 * LibreOffice (Debian libreoffice-writer-nogui) converting Word documents to PDF headless, as a reader's word
 * processor opens them: `soffice --headless --convert-to pdf`, in a private user profile so that parallel runs
 * never share one (LibreOffice allows one process per profile).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';

export const SOFFICE = process.env.NIANBAO_SOFFICE ?? '/usr/bin/soffice';

/**
 * LibreOffice's own start-up notice when no Java runtime is installed (it needs none to convert): about the
 * machine, not the document, so it is not counted as a warning about the conversion.
 */
const JAVA_NOTICE = /^Warning: failed to launch javaldx - java may not function correctly$/;

export interface Conversion {
  /** The PDF of each input, by input path (absent when LibreOffice wrote none). */
  readonly pdfs: ReadonlyMap<string, string>;
  readonly status: number | null;
  /** Every line LibreOffice printed on standard error, but its Java notice. */
  readonly warnings: readonly string[];
  readonly stdout: string;
}

/** Converts `docx` files to PDF in `outDir` with one LibreOffice process. */
export function convertToPdf(docx: readonly string[], outDir: string): Conversion {
  if (!existsSync(SOFFICE))
    throw new Error(
      `LibreOffice not found at ${SOFFICE} (apt-get install libreoffice-writer-nogui, or set NIANBAO_SOFFICE)`,
    );
  const profile = mkdtempSync(join(tmpdir(), 'nianbao-soffice-'));
  try {
    const r = spawnSync(
      SOFFICE,
      [
        `-env:UserInstallation=${pathToFileURL(profile).href}`,
        '--headless',
        '--norestore',
        '--convert-to',
        'pdf',
        '--outdir',
        outDir,
        ...docx,
      ],
      { encoding: 'utf8' },
    );
    const pdfs = new Map<string, string>();
    for (const file of docx) {
      const pdf = join(outDir, basename(file).replace(/\.docx$/i, '.pdf'));
      if (existsSync(pdf)) pdfs.set(file, pdf);
    }
    const warnings = (r.stderr ?? '')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !JAVA_NOTICE.test(l));
    return { pdfs, status: r.status, warnings, stdout: r.stdout ?? '' };
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}
