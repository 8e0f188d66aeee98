/**
 * `word/fontTable.xml` naming every font the document uses with its substitute (`w:altName`), PANOSE class and
 * GB2312 character set, so that Word and WPS on a machine without 仿宋_GB2312, 楷体_GB2312 or 方正小标宋简体 fall back
 * to 仿宋, 楷体 and 宋体 — the usual substitutes — rather than to a Latin face. The `docx` library writes an empty
 * table; this one takes its place when the document is packed.
 */
import { gongwen } from '../../core/src/index';

const NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

const attr = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export const FONT_TABLE_PATH = 'word/fontTable.xml';

export function fontTableXml(): string {
  const fonts = Object.values(gongwen.FONTS).map((f: gongwen.FontFace) =>
    [
      `<w:font w:name="${attr(f.name)}">`,
      f.altName ? `<w:altName w:val="${attr(f.altName)}"/>` : '',
      `<w:panose1 w:val="${f.panose}"/>`,
      `<w:charset w:val="${f.charset}"/>`,
      `<w:family w:val="${f.family}"/>`,
      '<w:pitch w:val="variable"/>',
      '</w:font>',
    ].join(''),
  );
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:fonts xmlns:w="${NS}">${fonts.join('')}</w:fonts>`;
}
