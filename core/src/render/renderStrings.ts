/** The renderer's own words (the problem summary of the preview), in both languages. */
import type { Lang } from '../diagnostics/diagnostic';
import type { EditionSource } from '../model/bindReport';

export interface RenderStrings {
  readonly errors: (n: number) => string;
  readonly warnings: (n: number) => string;
  readonly infos: (n: number) => string;
  readonly clean: string;
  readonly edition: (edition: number, document: string, source: EditionSource) => string;
  readonly more: (n: number) => string;
  readonly missingAgency: string;
  readonly missingYear: string;
  readonly problems: string;
}

const S: Readonly<Record<Lang, RenderStrings>> = {
  zh: {
    errors: (n: number) => `${n} 个错误`,
    warnings: (n: number) => `${n} 个警告`,
    infos: (n: number) => `${n} 条提示`,
    clean: '没有发现问题',
    edition: (edition: number, document: string, source: EditionSource) =>
      `按 ${edition} 年版格式（${document}）${source === 'declared' ? '' : source === 'year' ? '，由年度推断' : source === 'layout' ? '，由表格结构推断' : '，默认现行格式'}`,
    more: (n: number) => `另有 ${n} 条未列出`,
    missingAgency: '〔机关〕',
    missingYear: '〔年度〕',
    problems: '问题',
  },
  en: {
    errors: (n: number) => `${n} error${n === 1 ? '' : 's'}`,
    warnings: (n: number) => `${n} warning${n === 1 ? '' : 's'}`,
    infos: (n: number) => `${n} note${n === 1 ? '' : 's'}`,
    clean: 'No problems found',
    edition: (edition: number, document: string, source: EditionSource) =>
      `Checked against the ${edition} template (${document})${source === 'declared' ? '' : source === 'year' ? ', inferred from the year' : source === 'layout' ? ', inferred from the tables' : ', the current template by default'}`,
    more: (n: number) => `${n} more not listed`,
    missingAgency: '〔机关〕',
    missingYear: '〔年度〕',
    problems: 'Problems',
  },
};

export function renderStrings(lang: Lang): RenderStrings {
  return lang === 'en' ? S.en : S.zh;
}
