/** The server's view of the `nianbao.*` settings and of the language its messages are in. */
import type { Lang } from '../../core/src/index';
import type { Language, ServerSettings } from './protocol';

export class Settings {
  language: Language = 'auto';
  columnHints = true;
  /** The editor's display language from `initialize` (e.g. `zh-cn`, `en`). */
  clientLocale: string | undefined;

  update(raw: ServerSettings | undefined): void {
    if (!raw || typeof raw !== 'object') return;
    if (raw.language === 'auto' || raw.language === 'zh' || raw.language === 'en') this.language = raw.language;
    const hints = raw.inlayHints?.columnNames;
    if (typeof hints === 'boolean') this.columnHints = hints;
  }

  /** Forced by the setting, else the editor's language; Chinese when the editor does not say. */
  get lang(): Lang {
    if (this.language !== 'auto') return this.language;
    const locale = this.clientLocale?.toLowerCase();
    if (!locale) return 'zh';
    return locale.startsWith('zh') ? 'zh' : 'en';
  }
}
