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
  check 文件|目录|- …       检查年报（目录：其中所有 *.nianbao.yaml；-：标准输入）
      --format human|json   输出格式（默认 human）
      --lang zh|en          消息语言（默认 zh）
  init                      输出一份完整的空白年报（全部填 0）
      --edition 2019|2021   格式版本
      --year 年度           报告年度
      --agency 机关名称     发布机关
  help                      显示本帮助
  --version                 显示版本

退出码：0 没有错误；1 有错误；2 用法错误或无法读取文件。
`,
    en: `Usage: nianbao <command> [options]

Commands:
  check FILE|DIR|- …        Check reports (DIR: every *.nianbao.yaml under it; -: standard input)
      --format human|json   Output format (default human)
      --lang zh|en          Message language (default zh)
  init                      Print a complete blank report (all zeros)
      --edition 2019|2021   Template edition
      --year YEAR           Report year
      --agency NAME         Publishing agency
  help                      Show this help
  --version                 Show the version

Exit codes: 0 no errors; 1 errors found; 2 usage error or unreadable file.
`,
  },
  unknownCommand: { zh: (c: string) => `未知命令「${c}」。`, en: (c: string) => `Unknown command "${c}".` },
  badOption: { zh: (o: string) => `选项 ${o} 无效或缺少值。`, en: (o: string) => `Option ${o} is unknown or lacks a value.` },
  seeHelp: { zh: '运行 nianbao help 查看用法。', en: 'Run nianbao help for usage.' },
  noInputs: { zh: '请给出要检查的文件或目录（或 - 表示标准输入）。', en: 'Give the files or directories to check (or - for standard input).' },
  unreadable: { zh: (p: string, why: string) => `无法读取 ${p}：${why}`, en: (p: string, why: string) => `Cannot read ${p}: ${why}` },
  /** Why a file could not be read, by the system's error code. */
  reason: {
    zh: (code: string) => REASONS[code]?.zh ?? code,
    en: (code: string) => REASONS[code]?.en ?? code,
  },
  unreadableCount: { zh: (n: number) => `${n} 个文件无法读取，未检查。`, en: (n: number) => `${n} file(s) could not be read and were not checked.` },
  noReports: { zh: (p: string) => `${p} 中没有 *.nianbao.yaml 文件。`, en: (p: string) => `No *.nianbao.yaml files in ${p}.` },
  badFormat: { zh: '--format 只能是 human 或 json。', en: '--format must be human or json.' },
  badLang: { zh: '--lang 只能是 zh 或 en。', en: '--lang must be zh or en.' },
  initNeeds: {
    zh: 'init 需要 --edition 2019|2021、--year 年度 和 --agency 机关名称。',
    en: 'init needs --edition 2019|2021, --year YEAR and --agency NAME.',
  },
  initMismatch: {
    zh: (y: number, e: number, x: number) => `${y}年度应使用 ${x} 年版格式，而不是 ${e}。`,
    en: (y: number, e: number, x: number) => `A ${y} report uses the ${x} template, not ${e}.`,
  },
  summaryClean: { zh: (n: number) => `✓ ${n} 个文件，没有发现问题`, en: (n: number) => `✓ ${n} file(s), no problems` },
  summary: {
    zh: (e: number, w: number, i: number, n: number) => `${e} 个错误，${w} 个警告${i ? `，${i} 条提示` : ''}（${n} 个文件）`,
    en: (e: number, w: number, i: number, n: number) => `${e} error(s), ${w} warning(s)${i ? `, ${i} note(s)` : ''} in ${n} file(s)`,
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
