import { errorClasses } from '@nim-api/types';
import {
  NimApiError,
  type NimApiErrorDetails,
  NimAuthError,
  NimLimitExceededError,
  NimNotFoundError,
  NimParamError,
  NimRateLimitError,
} from './errors.js';

/** Which class a body `code` becomes. Codes not listed become a plain {@link NimApiError}. */
type ApiErrorClass = new (details: NimApiErrorDetails) => NimApiError;

// The code→class table is the spec's `x-nim-error-classes` (generated into @nim-api/types); a class the spec names
// that is missing here fails tsc.
const classes: Record<(typeof errorClasses)[keyof typeof errorClasses], ApiErrorClass> = {
  NimParamError,
  NimAuthError,
  NimRateLimitError,
  NimNotFoundError,
  NimLimitExceededError,
};

/** Builds the error for a business error code; used only by the envelope step. */
export function createApiError(details: NimApiErrorDetails): NimApiError {
  const name = (errorClasses as Readonly<Record<number, keyof typeof classes>>)[details.code];
  const ErrorClass = (name && classes[name]) || NimApiError;
  return new ErrorClass(details);
}
