/** Typed access to the standalone Ajv validators generated from the template model. */
import type { Edition } from '../template/types';
import { validate2019, validate2021 } from './validators.generated';

export interface SchemaError {
  readonly instancePath: string;
  readonly keyword: string;
  readonly params: Readonly<Record<string, unknown>>;
}

interface GeneratedValidator {
  (data: unknown): boolean;
  errors?: readonly SchemaError[] | null;
}

const VALIDATORS: Readonly<Record<Edition, GeneratedValidator>> = {
  2019: validate2019 as GeneratedValidator,
  2021: validate2021 as GeneratedValidator,
};

/** Schema errors of a plain value (the report as JSON) against the edition's schema; empty when valid. */
export function schemaErrors(edition: Edition, data: unknown): readonly SchemaError[] {
  const validate = VALIDATORS[edition];
  return validate(data) ? [] : (validate.errors ?? []);
}
