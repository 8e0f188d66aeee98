/** The single-report rules, in the order their diagnostics are listed. */
import { nb205NumberAsText } from './nb205NumberAsText';
import { nb206BlankCell } from './nb206BlankCell';
import { nb207BlankTotal } from './nb207BlankTotal';
import { nb305Values } from './nb305Values';
import { nb309NarrativeNumbers } from './nb309NarrativeNumbers';
import { nb310FeeMention } from './nb310FeeMention';
import { nb311Problems } from './nb311Problems';
import { nb312Edition } from './nb312Edition';
import { nb313Deadline } from './nb313Deadline';
import type { Rule } from './rule';
import { nb301Balance, nb302ResultTotal, nb303RowTotal, nb304AppealTotal } from './sumRules';

export const RULES: readonly Rule[] = [
  nb312Edition,
  nb205NumberAsText,
  nb206BlankCell,
  nb207BlankTotal,
  nb301Balance,
  nb302ResultTotal,
  nb303RowTotal,
  nb304AppealTotal,
  nb305Values,
  nb309NarrativeNumbers,
  nb310FeeMention,
  nb311Problems,
  nb313Deadline,
];
