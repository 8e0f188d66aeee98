/** The CLI's own words, in both languages. Diagnostics carry their own messages from the core. */
import type { Lang } from '../../core/src/index';

const REASONS: Readonly<Record<string, { zh: string; en: string }>> = {
  ENOENT: { zh: '文件不存在', en: 'no such file or directory' },
  EACCES: { zh: '没有读取权限', en: 'permission denied' },
  EPERM: { zh: '没有读取权限', en: 'permission denied' },
  EISDIR: { zh: '这是一个目录', en: 'it is a directory' },
  ENOTDIR: { zh: '路径中有一部分不是目录', en: 'a part of the path is not a directory' },
  EMFILE: { zh: '打开的文件过多', en: 'too many open files' },
  ELOOP: { zh: '符号链接循环', en: 'too many symbolic links' },
};

const S = {
  usage: {
    zh: `用法：nianbao <命令> [选项]

命令：
  check 文件|目录|- …       检查年报（目录：其中所有 *.nianbao.yaml；-：标准输入）；同一机关相邻年度之间
                            还检查结转和存量是否衔接，多个文件时最后列出汇总表
      --format human|json|csv  输出格式（默认 human；csv：每个问题一行，可用 Excel 打开）
      --lang zh|en          消息语言（默认 zh）
      --jobs N              同时检查的线程数（默认：每个处理器核心一个；1：只用一个线程）
  init                      输出一份完整的空白年报（全部填 0）
      --edition 2019|2021   格式版本
      --year 年度           报告年度
      --agency 机关名称     发布机关
  import 文件|-             将已发布的年报（网页 HTML、文本、PDF 或 Word .docx）导入为年报 YAML
      -o 输出.nianbao.yaml  写入新文件（不覆盖已有文件；默认输出到标准输出）
  import 文件|目录… -o 输出目录  批量导入：每个文件一份年报，按机关和年度命名（从不覆盖），
                            列出汇总表；有文件无法导入时退出码为 1
      --format human|json   汇总表格式（默认 human）
      --jobs N              同时导入的线程数（默认：每个处理器核心一个；1：只用一个线程）
  render 文件|- [-o 输出.html|输出.docx]  生成可直接发布或打印的 HTML 页面（不带 -o：输出到标准输出），
                            或公文格式（GB/T 9704-2012）的 Word 文档（-o 以 .docx 结尾）
      --format html|docx    输出格式（默认按 -o 的扩展名）；Word 文档须用 -o 写入文件
      --signature           Word 文档文末加发文机关署名和成文日期（取自「机关」和「发布日期」）
      --force               允许覆盖已存在的输出文件
  next 文件|- [-o 输出.nianbao.yaml]  生成同一机关下一年度的年报框架：上年结转取自本年「结转下年度继续办理」，
                            存量数据带入，文字部分留空（不带 -o：输出到标准输出）
      --force               允许覆盖已存在的输出文件
  compare 上一年度 本年度   对比两份年报：每个单元格的两年数值、变化和比值，总体情况等文字逐句比较，
                            相邻年度还检查结转、存量和同比说法
      --format human|json|html  输出格式（默认 human）
      -o 输出文件           写入新文件（不带 -o：输出到标准输出）
      --force               允许覆盖已存在的输出文件
  summary 目录|文件 … -o 输出.xlsx|输出.csv  汇总表：每份年报一行（机关、年度、格式、主要数字、错误和警告数），
                            .xlsx 另有一张表列出全部问题；按机关、年度排序
      --force               允许覆盖已存在的输出文件
  help                      显示本帮助
  --version                 显示版本

退出码：0 没有错误；1 有错误（render 仍会生成页面或文档；import：无法导入）；2 用法错误、无法读取或写入文件。
`,
    en: `Usage: nianbao <command> [options]

Commands:
  check FILE|DIR|- …        Check reports (DIR: every *.nianbao.yaml under it; -: standard input), and between
                            consecutive years of one agency the carry-overs and stocks; several files end with a summary
      --format human|json|csv  Output format (default human; csv: one row per finding, for a spreadsheet)
      --lang zh|en          Message language (default zh)
      --jobs N              Threads checking at once (default: one per processor core; 1: a single thread)
  init                      Print a complete blank report (all zeros)
      --edition 2019|2021   Template edition
      --year YEAR           Report year
      --agency NAME         Publishing agency
  import FILE|-             Import a published report (HTML page, text, PDF or Word .docx) as report YAML
      -o OUT.nianbao.yaml   Write a new file (never overwrites; default: standard output)
  import FILE|DIR… -o OUTDIR  Import many: one report per file, named by agency and year (never overwriting),
                            and a summary table; exit 1 if any file could not be imported
      --format human|json   Summary format (default human)
      --jobs N              Threads importing at once (default: one per processor core; 1: a single thread)
  render FILE|- [-o OUT.html|OUT.docx]  Write the report as a standalone HTML page (without -o: to standard output),
                            or as a Word document in the official format, GB/T 9704-2012 (-o ending in .docx)
      --format html|docx    Output format (default: from the extension of -o); a Word document needs -o
      --signature           End the Word document with the agency's name and the publication date
      --force               Allow overwriting an existing output file
  next FILE|- [-o OUT.nianbao.yaml]  Next year's report skeleton for the same agency: carried-over requests from
                            this year's carried-forward row, stocks carried over, narrative empty (without -o: stdout)
      --force               Allow overwriting an existing output file
  compare EARLIER LATER     Compare two reports: every cell in both years with the change and the ratio,
                            the narrative sentence by sentence; consecutive years: carry-overs, stocks, 同比 statements
      --format human|json|html  Output format (default human)
      -o OUT                Write a new file (without -o: standard output)
      --force               Allow overwriting an existing output file
  summary DIR|FILE … -o OUT.xlsx|OUT.csv  One row per report (agency, year, edition, key figures, errors and
                            warnings), sorted by agency and year; .xlsx adds a sheet with every finding
      --force               Allow overwriting an existing output file
  help                      Show this help
  --version                 Show the version

Exit codes: 0 no errors; 1 errors found (render still writes the page or document; import: nothing importable); 2 usage error, unreadable or unwritable file.
`,
  },
  unknownCommand: { zh: (c: string) => `未知命令「${c}」。`, en: (c: string) => `Unknown command "${c}".` },
  badOption: {
    zh: (o: string) => `选项 ${o} 无效或缺少值。`,
    en: (o: string) => `Option ${o} is unknown or lacks a value.`,
  },
  seeHelp: { zh: '运行 nianbao help 查看用法。', en: 'Run nianbao help for usage.' },
  noInputs: {
    zh: '请给出要检查的文件或目录（或 - 表示标准输入）。',
    en: 'Give the files or directories to check (or - for standard input).',
  },
  unreadable: {
    zh: (p: string, why: string) => `无法读取 ${p}：${why}`,
    en: (p: string, why: string) => `Cannot read ${p}: ${why}`,
  },
  /** Why a file could not be read, by the system's error code. */
  reason: {
    zh: (code: string) => REASONS[code]?.zh ?? code,
    en: (code: string) => REASONS[code]?.en ?? code,
  },
  unreadableCount: {
    zh: (n: number) => `${n} 个文件无法读取，未检查。`,
    en: (n: number) => `${n} file(s) could not be read and were not checked.`,
  },
  noReports: {
    zh: (p: string) => `${p} 中没有 *.nianbao.yaml 文件。`,
    en: (p: string) => `No *.nianbao.yaml files in ${p}.`,
  },
  badJobs: { zh: '--jobs 应为正整数（线程数）。', en: '--jobs must be a positive whole number (of threads).' },
  badFormat: { zh: '--format 只能是 human、json 或 csv。', en: '--format must be human, json or csv.' },
  findingColumns: {
    zh: ['文件', '机关', '年度', '代码', '级别', '问题', '行', '位置'],
    en: ['file', 'agency', 'year', 'code', 'severity', 'message', 'line', 'path'],
  },
  badLang: { zh: '--lang 只能是 zh 或 en。', en: '--lang must be zh or en.' },
  initNeeds: {
    zh: 'init 需要 --edition 2019|2021、--year 年度 和 --agency 机关名称。',
    en: 'init needs --edition 2019|2021, --year YEAR and --agency NAME.',
  },
  initMismatch: {
    zh: (y: number, e: number, x: number) => `${y}年度应使用 ${x} 年版格式，而不是 ${e}。`,
    en: (y: number, e: number, x: number) => `A ${y} report uses the ${x} template, not ${e}.`,
  },
  importNeeds: {
    zh: 'import 需要一个输入文件（或 - 表示标准输入），可加 -o 输出文件；批量导入多个文件或目录时需加 -o 输出目录。',
    en: 'import needs one input file (or - for standard input), optionally -o OUTPUT; importing several files or a directory needs -o OUTDIR.',
  },
  importBatchStdin: {
    zh: '批量导入不能读取标准输入（-）。',
    en: 'A batch import cannot read standard input (-).',
  },
  importNoFiles: {
    zh: (d: string) => `目录 ${d} 中没有可导入的文件（.html、.htm、.txt、.pdf、.docx）`,
    en: (d: string) => `The directory ${d} holds no file to import (.html, .htm, .txt, .pdf, .docx)`,
  },
  importOutDir: {
    zh: (d: string, why: string) => `无法使用输出目录 ${d}：${why}`,
    en: (d: string, why: string) => `Cannot use the output directory ${d}: ${why}`,
  },
  importTableHeader: {
    zh: ['文件', '机关', '年度', '格式', '数值（放入/印有）', '说明'],
    en: ['File', 'Agency', 'Year', 'Edition', 'Values (placed/printed)', 'Notes'],
  },
  importRowNotes: {
    zh: (f: number, u: number, m: number) =>
      [f ? `近似匹配 ${f} 处` : '', u ? `未能放入 ${u} 项` : '', m ? `缺少 ${m} 行` : ''].filter(Boolean).join('，') ||
      '—',
    en: (f: number, u: number, m: number) =>
      [f ? `${f} approximate` : '', u ? `${u} not placed` : '', m ? `${m} missing` : ''].filter(Boolean).join(', ') ||
      '—',
  },
  importBatchSummary: {
    zh: (ok: number, failed: number, dir: string) =>
      `已导入 ${ok} 份年报到 ${dir}${failed ? `，${failed} 个文件无法导入` : ''}。请运行 nianbao check ${dir} 检查。`,
    en: (ok: number, failed: number, dir: string) =>
      `Imported ${ok} report(s) into ${dir}${failed ? `; ${failed} file(s) could not be imported` : ''}. Run nianbao check ${dir} on them.`,
  },
  /** How standard input is named in messages, as `check` names it in its output. */
  stdinName: { zh: '<stdin>', en: '<stdin>' },
  outputExists: {
    zh: (p: string, canForce = false) =>
      `输出文件 ${p} 已存在，未作改动；${canForce ? '如确需覆盖，请加 --force。' : '请换一个输出文件名。'}`,
    en: (p: string, canForce = false) =>
      `Output file ${p} already exists and was left alone; ${canForce ? 'add --force to overwrite it.' : 'choose another output name.'}`,
  },
  outputIsInput: { zh: '输出文件不能是输入的年报本身。', en: 'The output file cannot be the input report itself.' },
  written: { zh: (p: string) => `已写入 ${p}`, en: (p: string) => `Wrote ${p}` },
  unwritable: {
    zh: (p: string, why: string) => `无法写入 ${p}：${why}`,
    en: (p: string, why: string) => `Cannot write ${p}: ${why}`,
  },
  importFailed: { zh: (p: string) => `无法导入 ${p}：`, en: (p: string) => `Cannot import ${p}: ` },
  importSummary: {
    zh: (p: string, e: number, f: number, u: number, m: number, out: string | undefined) =>
      `已导入 ${p}（${e}年版格式）${out ? `→ ${out}` : ''}：近似匹配 ${f} 处，未能放入 ${u} 项，原文缺少 ${m} 行。请运行 nianbao check 检查。`,
    en: (p: string, e: number, f: number, u: number, m: number, out: string | undefined) =>
      `Imported ${p} (${e} template)${out ? ` → ${out}` : ''}: ${f} approximate label(s), ${u} item(s) not placed, ${m} row(s) missing. Run nianbao check on it.`,
  },
  renderNeeds: {
    zh: 'render 需要一个年报文件（或 - 表示标准输入）。',
    en: 'render needs one report file (or - for standard input).',
  },
  renderNotReport: {
    zh: (p: string, why: string) => `${p} 中没有可以生成页面的年报${why ? `：${why}` : '（顶层应是“键: 值”的映射）'}`,
    en: (p: string, why: string) =>
      `${p} holds no report to render${why ? `: ${why}` : ' (the top level must be a mapping of keys)'}`,
  },
  renderProblems: {
    zh: (p: string, e: number, w: number) =>
      `注意：${p} 有 ${e} 个错误、${w} 个警告，页面照常生成；运行 nianbao check ${p} 查看详情。`,
    en: (p: string, e: number, w: number) =>
      `Note: ${p} has ${e} error(s) and ${w} warning(s); the page was written anyway. Run nianbao check ${p} for details.`,
  },
  renderDocxProblems: {
    zh: (p: string, e: number, w: number) =>
      `注意：${p} 有 ${e} 个错误、${w} 个警告，Word 文档照常生成；运行 nianbao check ${p} 查看详情。`,
    en: (p: string, e: number, w: number) =>
      `Note: ${p} has ${e} error(s) and ${w} warning(s); the Word document was written anyway. Run nianbao check ${p} for details.`,
  },
  badRenderFormat: {
    zh: '输出格式（--format）只能是 html 或 docx。',
    en: 'The output format (--format) must be html or docx.',
  },
  docxNeedsOutput: {
    zh: 'Word 文档须用 -o 写入文件（例如 -o 年报.docx）。',
    en: 'A Word document must be written to a file with -o (e.g. -o report.docx).',
  },
  nextNeeds: {
    zh: 'next 需要一个年报文件（或 - 表示标准输入）。',
    en: 'next needs one report file (or - for standard input).',
  },
  nextInputErrors: {
    zh: (p: string, e: number) =>
      `注意：${p} 有 ${e} 个错误，带入下一年度的数字可能不准确；运行 nianbao check ${p} 查看详情。`,
    en: (p: string, e: number) =>
      `Note: ${p} has ${e} error(s); the figures carried into next year may be wrong. Run nianbao check ${p} for details.`,
  },
  compareNeeds: {
    zh: 'compare 需要两个年报文件：上一年度 本年度（至多一个可以是 - 表示标准输入）。',
    en: 'compare needs two report files: the earlier, then the later (at most one may be - for standard input).',
  },
  compareFormat: { zh: '--format 只能是 human、json 或 html。', en: '--format must be human, json or html.' },
  compareNotReport: {
    zh: (p: string, why: string) => `${p} 中没有可以对比的年报${why ? `：${why}` : '（顶层应是“键: 值”的映射）'}`,
    en: (p: string, why: string) =>
      `${p} holds no report to compare${why ? `: ${why}` : ' (the top level must be a mapping of keys)'}`,
  },
  compareSide: {
    zh: (agency: string, year: number | undefined, edition: number, file: string) =>
      `${agency} ${year ?? '〔年度〕'}年度（${edition}年版，${file}）`,
    en: (agency: string, year: number | undefined, edition: number, file: string) =>
      `${agency} ${year ?? '〔year〕'} (${edition} template, ${file})`,
  },
  compareHeader: {
    zh: (from: string, to: string) => `对比：${from} → ${to}`,
    en: (from: string, to: string) => `Compared: ${from} → ${to}`,
  },
  compareNotSameAgency: {
    zh: '注意：两份年报不是同一机关，只比较数字和文字，不检查跨年度衔接。',
    en: 'Note: the reports are of different agencies; figures and text are compared, continuity is not checked.',
  },
  compareNotConsecutive: {
    zh: '注意：两份年报不是相邻年度，只比较数字和文字，不检查跨年度衔接。',
    en: 'Note: the reports are not of consecutive years; figures and text are compared, continuity is not checked.',
  },
  compareCells: {
    zh: (all: number, changed: number, up: number, down: number, only: number) =>
      `表格：${all} 个单元格，${changed} 个有变化（增加 ${up}，减少 ${down}）${only ? `；${only} 个只有一种格式版本有` : ''}`,
    en: (all: number, changed: number, up: number, down: number, only: number) =>
      `Tables: ${all} cells, ${changed} changed (${up} up, ${down} down)${only ? `; ${only} in one template only` : ''}`,
  },
  compareOnly: {
    zh: (year: number | undefined, edition: number) => `只有 ${year ?? '〔年度〕'}年度（${edition}年版）有：`,
    en: (year: number | undefined, edition: number) => `Only in ${year ?? '〔year〕'} (${edition} template):`,
  },
  compareState: {
    zh: { number: '', blank: '空白', unreadable: '无法识别', missing: '缺少', absent: '无此项' },
    en: { number: '', blank: 'blank', unreadable: 'unreadable', missing: 'missing', absent: 'n/a' },
  },
  compareText: { zh: '文字：', en: 'Text:' },
  compareSimilarity: {
    zh: (p: number) => `与上一年度相同的句子占 ${p}%`,
    en: (p: number) => `${p}% of the sentences as last year`,
  },
  compareFindings: {
    zh: (n: number) => `跨年度检查：${n} 个问题`,
    en: (n: number) => `Across the years: ${n} problem(s)`,
  },
  compareNoFindings: { zh: '跨年度检查：没有发现问题', en: 'Across the years: no problems found' },
  summaryNeeds: {
    zh: 'summary 需要年报目录或文件，以及 -o 输出文件（.xlsx 或 .csv）。',
    en: 'summary needs report directories or files and -o OUTPUT (.xlsx or .csv).',
  },
  summaryColumns: {
    zh: ['文件', '机关', '年度', '格式', '错误', '警告'],
    en: ['file', 'agency', 'year', 'edition', 'errors', 'warnings'],
  },
  summarySheets: { zh: ['年报', '问题'], en: ['Reports', 'Findings'] },
  summaryCsvNote: {
    zh: 'CSV 只含每份年报一行的汇总表；每个问题一行的明细请用 nianbao check 目录 --format csv，或输出为 .xlsx（第二张表）。',
    en: 'A CSV holds the table of reports only; for one row per finding use nianbao check DIR --format csv, or write .xlsx (its second sheet).',
  },
  seeAlso: { zh: '参见', en: 'see' },
  summaryTitle: {
    zh: (reports: number, agencies: number, years: string, yearCount: number) =>
      `汇总：${reports} 份年报，${agencies} 个机关，年度 ${years}（${yearCount} 个年度）`,
    en: (reports: number, agencies: number, years: string, yearCount: number) =>
      `Summary: ${reports} report(s), ${agencies} agenc${agencies === 1 ? 'y' : 'ies'}, years ${years} (${yearCount})`,
  },
  summaryHeader: {
    zh: ['规则', '错误', '警告', '提示', '说明'],
    en: ['Rule', 'Errors', 'Warnings', 'Notes', 'What it checks'],
  },
  summaryTotal: { zh: '合计', en: 'Total' },
  summaryNoYears: { zh: '无', en: 'none' },
  genericTitles: {
    zh: { NB1: 'YAML 语法', NB2: '结构与单元格' } as Record<string, string>,
    en: { NB1: 'YAML syntax', NB2: 'Structure and cells' } as Record<string, string>,
  },
  summaryClean: { zh: (n: number) => `✓ ${n} 个文件，没有发现问题`, en: (n: number) => `✓ ${n} file(s), no problems` },
  summary: {
    zh: (e: number, w: number, i: number, n: number) =>
      `${e} 个错误，${w} 个警告${i ? `，${i} 条提示` : ''}（${n} 个文件）`,
    en: (e: number, w: number, i: number, n: number) =>
      `${e} error(s), ${w} warning(s)${i ? `, ${i} note(s)` : ''} in ${n} file(s)`,
  },
  severity: {
    zh: { error: '错误', warning: '警告', information: '提示' },
    en: { error: 'error', warning: 'warning', information: 'info' },
  },
} as const;

export type Strings = { [K in keyof typeof S]: (typeof S)[K]['zh'] };

export function strings(lang: Lang): Strings {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(S)) out[k] = v[lang];
  return out as Strings;
}
