/**
 * Hostile files for the importer, built on the fly (deterministically): Word documents and PDFs made to exhaust
 * memory or time — a zip bomb, a deflate bomb in a PDF content stream, thousands of entries, pages or objects,
 * entity expansion through a DTD — and broken ones. Each must end with its one clear message, within the bounds of
 * `inputs.ts`.
 */
import { Deflate, zipSync } from 'fflate';

export interface HostileImport {
  readonly name: string;
  readonly what: string;
  /** File name extension, for the CLI. */
  readonly ext: 'docx' | 'pdf' | 'doc';
  readonly bytes: () => Uint8Array;
  /** The message (Chinese) the import must end with. */
  readonly zh: RegExp;
}

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** `megabytes` of one repeated byte, raw-deflated in pieces (the whole never exists in memory). */
function deflatedRepeat(megabytes: number, byte: number, zlibHeader: boolean): Uint8Array {
  const chunks: Uint8Array[] = [];
  const deflate = new Deflate({ level: 9 }, (chunk) => chunks.push(chunk));
  const piece = new Uint8Array(1024 * 1024).fill(byte);
  for (let i = 0; i < megabytes; i++) deflate.push(piece, i === megabytes - 1);
  const raw = concat(chunks);
  // zlib wrapping (PDF's FlateDecode): header 0x78 0xDA, and an Adler-32 nobody checks before the cap.
  return zlibHeader ? concat([Uint8Array.of(0x78, 0xda), raw, Uint8Array.of(0, 0, 0, 0)]) : raw;
}

/** A zip archive written by hand, so that an entry's declared sizes can lie as a zip bomb's do. */
function zipWithLies(entries: readonly { name: string; data: Uint8Array; declared: number }[]): Uint8Array {
  const u16 = (n: number): Uint8Array => Uint8Array.of(n & 255, (n >>> 8) & 255);
  const u32 = (n: number): Uint8Array => Uint8Array.of(n & 255, (n >>> 8) & 255, (n >>> 16) & 255, (n >>> 24) & 255);
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = enc(e.name);
    const fields = [
      u16(20),
      u16(0),
      u16(8),
      u16(0),
      u16(0),
      u32(0),
      u32(e.data.length),
      u32(e.declared),
      u16(name.length),
      u16(0),
    ];
    const local = concat([u32(0x04034b50), ...fields, name, e.data]);
    centrals.push(concat([u32(0x02014b50), u16(20), ...fields, u16(0), u16(0), u16(0), u32(0), u32(offset), name]));
    locals.push(local);
    offset += local.length;
  }
  const central = concat(centrals);
  const end = concat([
    u32(0x06054b50),
    u16(0),
    u16(0),
    u16(entries.length),
    u16(entries.length),
    u32(central.length),
    u32(offset),
    u16(0),
  ]);
  return concat([...locals, central, end]);
}

const DOCUMENT = (body: string): string =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`;

/** An Office compound file header (what .doc, .wps and password-protected .docx files are). */
function compoundFile(encrypted: boolean): Uint8Array {
  const head = Uint8Array.of(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1);
  const body = new Uint8Array(4096);
  if (encrypted) body.set(new Uint8Array(Buffer.from('EncryptedPackage', 'utf16le')), 1024);
  return concat([head, body]);
}

export function hostileDocx(): HostileImport[] {
  return [
    {
      name: 'zip-bomb',
      what: 'document.xml declared as 2 KB, inflating to 200 MB',
      ext: 'docx',
      bytes: () => zipWithLies([{ name: 'word/document.xml', data: deflatedRepeat(200, 0x20, false), declared: 2048 }]),
      zh: /解压后超过 64 MB 上限（可能是压缩炸弹）/,
    },
    {
      name: 'many-entries',
      what: '5,000 entries',
      ext: 'docx',
      bytes: () => {
        const files: Record<string, Uint8Array> = { 'word/document.xml': enc(DOCUMENT('')) };
        for (let i = 0; i < 5000; i++) files[`word/media/image${i}.png`] = enc('x');
        return zipSync(files, { level: 0 });
      },
      zh: /文件数量超过上限/,
    },
    {
      name: 'entity-expansion',
      what: 'a DTD declaring nested entities (billion laughs)',
      ext: 'docx',
      bytes: () => {
        const levels = Array.from({ length: 10 }, (_, i) =>
          i === 0 ? '<!ENTITY l0 "lol">' : `<!ENTITY l${i} "${`&l${i - 1};`.repeat(10)}">`,
        ).join('');
        const xml = `<?xml version="1.0"?><!DOCTYPE w:document [${levels}]><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&l9;</w:t></w:r></w:p></w:body></w:document>`;
        return zipSync({ 'word/document.xml': enc(xml) });
      },
      zh: /含有文档类型定义（DTD）/,
    },
    {
      name: 'external-entity',
      what: 'a DTD naming a file on the machine (XXE)',
      ext: 'docx',
      bytes: () =>
        zipSync({
          'word/document.xml': enc(
            `<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/passwd">]><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>`,
          ),
        }),
      zh: /含有文档类型定义（DTD）/,
    },
    {
      name: 'broken-xml',
      what: 'document.xml cut off in the middle of a tag',
      ext: 'docx',
      bytes: () => zipSync({ 'word/document.xml': enc(DOCUMENT('<w:p><w:r><w:t>示范').slice(0, 180)) }),
      zh: /已损坏，无法读取/,
    },
    {
      name: 'deep-tables',
      what: '50,000 tables nested in each other',
      ext: 'docx',
      bytes: () =>
        zipSync({
          'word/document.xml': enc(
            DOCUMENT(`${'<w:tbl><w:tr><w:tc>'.repeat(50_000)}${'</w:tc></w:tr></w:tbl>'.repeat(50_000)}`),
          ),
        }),
      zh: /这个 Word 文档（\.docx）中没有任何文字/,
    },
    {
      name: 'not-word',
      what: 'a zip archive without word/document.xml',
      ext: 'docx',
      bytes: () => zipSync({ 'xl/workbook.xml': enc('<workbook/>') }),
      zh: /不是 Word 文档（\.docx）/,
    },
    {
      name: 'password',
      what: 'a .docx saved with a password (a compound file holding EncryptedPackage)',
      ext: 'docx',
      bytes: () => compoundFile(true),
      zh: /已加密，无法读取/,
    },
    {
      name: 'old-doc',
      what: 'an old binary Word file (.doc)',
      ext: 'doc',
      bytes: () => compoundFile(false),
      zh: /旧版 Word\/WPS 文件（\.doc\/\.wps）/,
    },
  ];
}

/** A PDF from its objects' texts (numbered from 1, object 1 the catalog), with a cross-reference table. */
function pdf(objects: readonly (string | Uint8Array)[]): Uint8Array {
  const parts: Uint8Array[] = [enc('%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n')];
  let at = parts[0].length;
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(at);
    const body =
      typeof o === 'string'
        ? enc(`${i + 1} 0 obj\n${o}\nendobj\n`)
        : concat([enc(`${i + 1} 0 obj\n`), o, enc('\nendobj\n')]);
    parts.push(body);
    at += body.length;
  });
  const xref = [
    `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`,
    ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`),
  ].join('');
  parts.push(enc(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${at}\n%%EOF\n`));
  return concat(parts);
}

export function hostilePdf(): HostileImport[] {
  return [
    {
      name: 'deflate-bomb',
      what: 'a page whose content stream inflates to 200 MB',
      ext: 'pdf',
      bytes: () => {
        const data = deflatedRepeat(200, 0x20, true);
        return pdf([
          '<< /Type /Catalog /Pages 2 0 R >>',
          '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
          '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>',
          concat([enc(`<< /Length ${data.length} /Filter /FlateDecode >>\nstream\n`), data, enc('\nendstream')]),
        ]);
      },
      zh: /PDF 超出导入上限（单个数据流解压后字节数/,
    },
    {
      name: 'many-pages',
      what: '2,000 empty pages',
      ext: 'pdf',
      bytes: () => {
        const n = 2000;
        const kids = Array.from({ length: n }, (_, i) => `${i + 3} 0 R`).join(' ');
        return pdf([
          '<< /Type /Catalog /Pages 2 0 R >>',
          `<< /Type /Pages /Kids [${kids}] /Count ${n} >>`,
          ...Array.from({ length: n }, () => '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>'),
        ]);
      },
      zh: /PDF 超出导入上限（页数 2000，上限 500）/,
    },
    {
      name: 'many-objects',
      what: '1,100,000 objects',
      ext: 'pdf',
      // One line per object and no cross-reference table (readers rebuild it), to stay under the 32 MB input limit.
      bytes: () =>
        enc(
          `%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n${Array.from(
            { length: 1_100_000 },
            (_, i) => `${i + 3} 0 obj null endobj\n`,
          ).join('')}trailer << /Root 1 0 R >>\n%%EOF\n`,
        ),
      zh: /PDF 超出导入上限（对象数/,
    },
    {
      name: 'pdf-garbage',
      what: 'a PDF header over 1 MB of pseudo-random bytes',
      ext: 'pdf',
      bytes: () => {
        const out = new Uint8Array(1024 * 1024);
        let x = 12345;
        for (let i = 0; i < out.length; i++) {
          x = (x * 1103515245 + 12345) >>> 0;
          out[i] = x >>> 24;
        }
        return concat([enc('%PDF-1.7\n'), out]);
      },
      zh: /PDF 文件已损坏或不是有效的 PDF|没有文字层/,
    },
  ];
}
