/**
 * The `nianbao.*` settings (initialization options, then `workspace/didChangeConfiguration`), the language of the
 * server's messages (the setting, else the editor's `locale`, else Chinese) and the diagnostics delay.
 */
import type { ServerSettings } from '../../../protocol/src/protocol';
import { useLanguage } from '../l10n';
import type { Feature } from '../serverContext';
import { diagnosticsDelay, initialSettings } from '../settings';

export const configurationFeature: Feature = (server) => {
  const { settings } = server;
  server.connection.onDidChangeConfiguration(
    server.notification('workspace/didChangeConfiguration', (params) => {
      const all = (params.settings ?? {}) as { nianbao?: ServerSettings };
      settings.update(all.nianbao);
      useLanguage(settings.lang);
      settings.changed();
    }),
  );
  return {
    initialize: (params, options) => {
      settings.clientLocale = params.locale;
      for (const given of initialSettings(options)) settings.update(given);
      settings.diagnosticsDelayMs = diagnosticsDelay(options.diagnosticsDelayMs);
      useLanguage(settings.lang);
    },
  };
};
