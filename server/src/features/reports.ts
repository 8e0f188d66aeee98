/**
 * The custom requests behind the 新建年报 command: editions and a new report's skeleton. (Checking the workspace's
 * files is the workspace index's, `workspace/checkFiles.ts`.)
 */
import { EDITIONS, TEMPLATES, editionForYear, isEdition, writeSkeleton } from '../../../core/src/index';
import { t } from '../l10n';
import type { EditionInfo, SkeletonParams, SkeletonResult } from '../../../protocol/src/protocol';
import { EditionsRequest, SkeletonRequest } from '../../../protocol/src/protocol';
import type { Feature } from '../serverContext';

export function editions(): EditionInfo[] {
  return EDITIONS.map((edition) => {
    const model = TEMPLATES[edition];
    return {
      edition,
      document: model.document,
      title: model.documentTitle,
      from: model.years.from,
      ...(model.years.to !== undefined ? { to: model.years.to } : {}),
    };
  });
}

export function skeleton(params: SkeletonParams): SkeletonResult {
  const { edition, year, agency } = params;
  if (!isEdition(edition)) return { error: t('Unknown template edition {0}', String(edition)) };
  if (!Number.isInteger(year)) return { error: t('The report year must be a whole number such as 2024') };
  const expected = editionForYear(year);
  if (expected !== edition) {
    return expected === undefined
      ? { error: t('{0} predates the report templates (from 2019 on)', year) }
      : { error: t('A {0} report uses the {1} template', year, expected) };
  }
  if (!agency.trim()) return { error: t('The agency name must not be empty') };
  return { text: writeSkeleton(edition, year, agency.trim()) };
}

export const newReportFeature: Feature = (server) => {
  server.request0(
    EditionsRequest.type,
    () => [],
    () => editions(),
  );
  server.request(
    SkeletonRequest.type,
    () => ({ error: server.internalError() }),
    (params) => skeleton(params),
  );
};
