/**
 * Formatting (`textDocument/formatting`, `textDocument/rangeFormatting`): the core's canonical layout as minimal
 * line edits. A document the core leaves alone (a syntax error, a shape it does not take apart) gets no edits and,
 * once per document version, a message saying why: "Format Document" doing nothing silently looks broken.
 */
import { MessageType, ShowMessageNotification } from 'vscode-languageserver/node';
import type {
  Connection,
  DocumentFormattingParams,
  DocumentRangeFormattingParams,
  TextEdit,
} from 'vscode-languageserver/node';
import { formatReport, lineEdits } from '../../../core/src/index';
import type { FormatRefusal } from '../../../core/src/index';
import type { DocumentState } from '../documentStore';
import { t } from '../l10n';
import { toOffsetRange, toRange } from '../convert';
import type { Feature } from '../serverContext';

function refusalMessage(reason: FormatRefusal): string {
  switch (reason) {
    case 'syntax':
      return t('The report was not formatted: it has a YAML syntax error (see the Problems panel)');
    case 'shape':
      return t('The report was not formatted: it is not written as a mapping of keys on their own lines');
    case 'unsafe':
      return t('The report was not formatted: the result would not have read back the same (please report this)');
  }
}

export class Formatting {
  /** `uri@version` of the last refusal told to the user. */
  private told = '';

  constructor(private readonly connection: Connection) {}

  format(state: DocumentState, params: DocumentFormattingParams | DocumentRangeFormattingParams): TextEdit[] {
    const range = 'range' in params ? toOffsetRange(state.lines, params.range) : undefined;
    const result = formatReport(state.text, { range, edition: state.analysis.report.edition }, state.analysis.doc);
    if (!result.ok) {
      const key = `${state.uri}@${state.version}`;
      if (this.told !== key) {
        this.told = key;
        // A notification: a request would wait for the user to close the message.
        void this.connection.sendNotification(ShowMessageNotification.type, {
          type: MessageType.Info,
          message: refusalMessage(result.reason),
        });
      }
      return [];
    }
    return lineEdits(state.text, result.text).map((e) => ({
      range: toRange(state.lines, { start: e.start, end: e.end }),
      newText: e.newText,
    }));
  }
}

export const formattingFeature: Feature = (server) => {
  const formatting = new Formatting(server.connection);
  server.connection.onDocumentFormatting(
    server.onDocument('textDocument/formatting', [], (state, params) => formatting.format(state, params)),
  );
  server.connection.onDocumentRangeFormatting(
    server.onDocument('textDocument/rangeFormatting', [], (state, params) => formatting.format(state, params)),
  );
  return { initialize: () => ({ documentFormattingProvider: true, documentRangeFormattingProvider: true }) };
};
