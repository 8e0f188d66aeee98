/** The checking core's public surface for the CLI, the server and the tests. No editor or protocol types here. */
export { analyze, tooLargeAnalysis } from './analyze';
export {
  DEFAULT_MAX_LENGTH,
  MAX_ALIASES,
  MAX_DEPTH,
  MAX_FILE_BYTES,
  MAX_IMPORT_BYTES,
  MAX_ITEMS,
  RECOVER_MAX_LENGTH,
} from './syntax/limits';
export { AnalysisMemo } from './analysisMemo';
export type { Analysis, AnalyzeOptions } from './analyze';
export type { Diagnostic, FixData, Lang, Range, RelatedInformation, Severity } from './diagnostics/diagnostic';
export { localize } from './diagnostics/diagnostic';
export { allCodes } from './rules/codes';
export type { CodeInfo } from './rules/codes';
export { writeReport, writeSkeleton, writtenRows, yamlString } from './format/writeReport';
export type { ReportData } from './format/writeReport';
export { formatReport } from './format/formatReport';
export type { FormatOptions, FormatRefusal, FormatResult } from './format/formatReport';
export { bindReport, childrenOf } from './model/bindReport';
export type { BoundCell, BoundReport, BoundRow, BoundText } from './model/bindReport';
export { RULES } from './rules/allRules';
export { sumRelations, expectedValue } from './rules/sumRelations';
export type { SumRelation } from './rules/sumRelations';
export { locate, nodeAtPath as treeNodeAtPath } from './syntax/navigate';
export { parse } from './syntax/parse';
export type { MapNode, PairNode, ParsedDocument, ScalarNode, SeqNode, YamlNode } from './syntax/tree';
export { LineIndex, lineStartsOf, positionIn } from './text/lineIndex';
export { STATUTE } from './template/statute';
export { EDITIONS } from './template/types';
export type {
  Column,
  Edition,
  GroupNode,
  HeaderGroup,
  Localized,
  RowNode,
  TableLayout,
  TemplateModel,
  TemplateNode,
  YamlPath,
} from './template/types';
export {
  TEMPLATES,
  displayLabel,
  editionForYear,
  isEdition,
  nodeAtPath,
  templateFor,
  templateIndex,
} from './template/templates';
export type { PlacedNode, TemplateIndex } from './template/templates';
export { ReportIndex, checkReport } from './cross/reportIndex';
export type { CheckedReport, IndexStats, IndexUpdate } from './cross/reportIndex';
export { agencyKey, displayName } from './model/agencyKey';
export { factsData, factsFromData } from './model/reportFacts';
export type { FactCell, FactsData, ReportFacts } from './model/reportFacts';
export { nextYearCells, previousYearCells } from './cross/yearLinks';
export type { LinkedCell, YearLinks } from './cross/yearLinks';
export { YEAR_PAIR_RULES, nb320DuplicateReport } from './rules/allCrossRules';
export type { YearPairRule } from './rules/crossRule';
export { nextYearReport } from './format/nextYear';
export type { NextYearResult } from './format/nextYear';
export { extractStatements } from './narrative/extractStatements';
export type { Claim, Statement } from './narrative/extractStatements';
export { importDocument, importPdf, importReport } from './import/importReport';
export { cleanPdfText, pdfDocument } from './import/pdfLines';
export type { PdfItem, PdfPage } from './import/pdfLines';
export { IMPORT_MESSAGES } from './i18n/messages';
export type { FuzzyMatch, ImportFailure, ImportOutcome, ImportSuccess, Unplaced } from './import/importReport';
export { decodeBytes } from './import/decodeBytes';
export {
  PAGE_CSP,
  cellContent,
  chineseDate,
  escapeHtml,
  gongwen,
  notRenderable,
  officialDocument,
  renderPage,
  renderReport,
  tableGrid,
  xmlText,
} from './render/index';
export type {
  DocBlock,
  DocCell,
  DocParagraph,
  DocRow,
  DocRun,
  DocTable,
  GridCell,
  GridCellKind,
  GridRow,
  NotRenderable,
  OfficialDocument,
  OfficialDocumentOptions,
  RenderInput,
  RenderOptions,
  RenderedPage,
  RenderedReport,
  TableGrid,
} from './render/index';
// Editor assistance (pure): completion, hover, inlay hints, outline, folding, and fixes as text edits.
export { completionsAt, filterTextFor, skeletonSnippet } from './assist/completion';
export type { CandidateKind, CompletionCandidate, CompletionOptions } from './assist/completion';
export { cursorContext } from './assist/cursorContext';
export type { CursorContext } from './assist/cursorContext';
export { foldingRegions } from './assist/folding';
export type { FoldRegion } from './assist/folding';
export { hoverAt } from './assist/hover';
export type { HoverInfo } from './assist/hover';
export { columnHints } from './assist/inlayHints';
export type { ColumnHint, ColumnHintStyle } from './assist/inlayHints';
export { outline } from './assist/outline';
export type { OutlineItem, OutlineKind } from './assist/outline';
export { snippetToPlain } from './assist/snippet';
export { fewerErrors, fixAllTotals, isSumFinding, isTotalFix } from './edits/fixAllTotals';
export { fixEdits } from './edits/fixEdits';
export { insertMissingEdits } from './edits/insertMissing';
export { applyEdits, diffEdits, lineEdits } from './edits/textEdit';
export type { TextEdit } from './edits/textEdit';
export { commentOutEdits } from './edits/commentOut';
export { culpritCells } from './edits/culpritCell';
export type { CulpritFix } from './edits/culpritCell';
// Year over year: two reports compared, the narrative's 同比 statements, key figures for summaries and trends.
export { compareReports } from './compare/compareReports';
export type {
  CellComparison,
  CellState,
  CompareSide,
  Comparison,
  SectionComparison,
  SideInfo,
} from './compare/compareReports';
export { diffSentences, splitSentences } from './compare/sentenceDiff';
export type { DiffPiece, SentenceChange, TextDiff } from './compare/sentenceDiff';
export { extractChanges } from './narrative/extractChanges';
export type { ChangeKind, ChangeStatement } from './narrative/extractChanges';
export { renderComparison, renderComparisonPage } from './render/renderComparison';
export type { ComparisonInput, RenderedComparison } from './render/renderComparison';
export { KEY_FIGURES, figureValue } from './compare/keyFigures';
export type { KeyFigure } from './compare/keyFigures';
export { trendsOf } from './compare/trends';
export type { TrendChart, TrendSeries, Trends, YearReport } from './compare/trends';
