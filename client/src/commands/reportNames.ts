/** File names for new reports (no editor API here, so that tests run it as is). */

/** Characters that cannot appear in a file name on some system. */
const UNSAFE = /[\\/:*?"<>|\s]+/g;
const REPORT_SUFFIX = /\.nianbao\.ya?ml$/i;

/** `<agency>-<year>` with the characters no file system takes removed. */
export function reportFileBase(agency: string, year: number): string {
  return `${agency.replace(UNSAFE, '') || 'nianbao'}-${year}`;
}

/**
 * The name for next year's report from this year's file name: the year in the name moves on (`eco-2023.nianbao.yaml`
 * → `eco-2024`, `2023年报.nianbao.yaml` → `2024年报`); a name without last year as a number of its own (or an
 * untitled document) gives `<agency>-<year>`.
 */
export function nextFileBase(currentName: string | undefined, year: number, agency: string): string {
  if (currentName === undefined || !REPORT_SUFFIX.test(currentName)) return reportFileBase(agency, year);
  const base = currentName.replace(REPORT_SUFFIX, '');
  const previous = String(year - 1);
  const at = base.lastIndexOf(previous);
  const isToken = at >= 0 && !/\d/.test(base.charAt(at - 1)) && !/\d/.test(base.charAt(at + previous.length));
  return isToken ? `${base.slice(0, at)}${year}${base.slice(at + previous.length)}` : reportFileBase(agency, year);
}
