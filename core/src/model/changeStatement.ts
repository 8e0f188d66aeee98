/**
 * A statement of change against last year in a narrative (较上年增长12%, 同比下降3.5个百分点, 比上年增加15件,
 * 与上年持平), as `narrative/extractChanges.ts` reads it and as a report's facts keep it for next year's check
 * (NB314). Types only: the reading is the narrative's, the keeping the model's.
 */
import type { Range } from '../diagnostics/diagnostic';
import type { YamlPath } from '../template/types';

/** percent: 增长12%; points: 下降3.5个百分点 (of a share stated with its figure); count: 增加15件; flat: 持平. */
export type ChangeKind = 'percent' | 'points' | 'count' | 'flat';

export interface StatedFigure {
  readonly value: number;
  readonly unit: string;
  readonly decimals: number;
}

export interface ChangeStatement {
  /** Offsets of the number (of 持平 for a flat statement) in the text. */
  readonly start: number;
  readonly end: number;
  /** The number as written (持平 for a flat statement). */
  readonly text: string;
  /** The change as written, from the comparison word to the unit: `较上年增长12%`. */
  readonly phrase: string;
  readonly kind: ChangeKind;
  /** +1 for 增长/增加/上升/提高, −1 for 下降/减少/降低, 0 for 持平. */
  readonly direction: 1 | -1 | 0;
  /** The magnitude as written (0 for 持平). */
  readonly value: number;
  /** Decimal places written: a percentage matches within half a unit of its last place. */
  readonly decimals: number;
  /** `%`, `个百分点`, or the unit of a count (`件`, `万元`). */
  readonly unit: string;
  /** The quantity ids whose sum changed. */
  readonly terms: readonly string[];
  /** This year's figure as stated before the change, when the change follows one (`101` of 收到申请101件). */
  readonly stated?: StatedFigure;
  /** The share the points change is about (`占45.1%`), as written, with its decimals. */
  readonly share?: { readonly value: number; readonly decimals: number };
}

/** A change statement of a report and where it is in the document. */
export interface ChangeFact extends ChangeStatement {
  /** The number's range in the document (the whole narrative's when it cannot be placed exactly). */
  readonly range: Range;
  /** The range is exactly the number: a fix may replace it. */
  readonly exact: boolean;
  /** `一、总体情况`. */
  readonly section: string;
  /** The narrative's key. */
  readonly path: YamlPath;
}
