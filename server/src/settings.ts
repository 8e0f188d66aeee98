/** The server's view of the `nianbao.*` settings and of the language its messages are in. */
import type { Lang } from '../../core/src/index';
import type { ColumnNames, InitializationOptions, Language, ServerSettings } from '../../protocol/src/protocol';

/** The debounce of diagnostics after a change, unless the client's initialization options say otherwise. */
export const DEFAULT_DIAGNOSTICS_DELAY_MS = 150;
/** A longer delay would look like a server that stopped checking. */
const MAX_DIAGNOSTICS_DELAY_MS = 10_000;

/** The initialization option `diagnosticsDelayMs`: a finite number of milliseconds from 0 to 10 s, else the default. */
export function diagnosticsDelay(raw: unknown): number {
  if (typeof raw !== 'number' || !Number.isFinite(raw) || raw < 0) return DEFAULT_DIAGNOSTICS_DELAY_MS;
  return Math.min(raw, MAX_DIAGNOSTICS_DELAY_MS);
}

const COLUMN_NAMES: readonly ColumnNames[] = ['short', 'full', 'cursorRow', 'off'];

/**
 * The settings in the initialization options, in either shape an editor sends them: `settings: { language, … }`
 * (this server's own), `settings: { nianbao: { language, … } }` (the shape of `workspace/didChangeConfiguration`,
 * which is what Neovim's, Helix's and Emacs's settings tables hold), or `nianbao: { … }` beside it.
 */
export function initialSettings(options: InitializationOptions | undefined): ServerSettings[] {
  if (!options || typeof options !== 'object') return [];
  const out: ServerSettings[] = [];
  const settings = options.settings as Record<string, unknown> | undefined;
  if (settings && typeof settings === 'object') {
    const nested = settings.nianbao;
    out.push(nested && typeof nested === 'object' ? (nested as ServerSettings) : (settings as ServerSettings));
  }
  if (options.nianbao && typeof options.nianbao === 'object') out.push(options.nianbao);
  return out;
}

export class Settings {
  language: Language = 'auto';
  columnNames: ColumnNames = 'short';
  /** Milliseconds from the last change to the diagnostics (`diagnosticsDelayMs` in the initialization options). */
  diagnosticsDelayMs = DEFAULT_DIAGNOSTICS_DELAY_MS;
  /** The editor's display language from `initialize` (e.g. `zh-cn`, `en`). */
  clientLocale: string | undefined;
  private readonly listeners: (() => void)[] = [];

  /** After `workspace/didChangeConfiguration`: what depends on the settings (diagnostics, hints) updates itself. */
  onDidChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  changed(): void {
    for (const listener of this.listeners) listener();
  }

  update(raw: ServerSettings | undefined): void {
    if (!raw || typeof raw !== 'object') return;
    if (raw.language === 'auto' || raw.language === 'zh' || raw.language === 'en') this.language = raw.language;
    const hints: unknown = raw.inlayHints?.columnNames;
    if (hints === true) this.columnNames = 'full';
    else if (hints === false) this.columnNames = 'off';
    else if (COLUMN_NAMES.includes(hints as ColumnNames)) this.columnNames = hints as ColumnNames;
  }

  /** Forced by the setting, else the editor's language; Chinese when the editor does not say. */
  get lang(): Lang {
    if (this.language !== 'auto') return this.language;
    const locale = this.clientLocale?.toLowerCase();
    if (!locale) return 'zh';
    return locale.startsWith('zh') ? 'zh' : 'en';
  }
}
