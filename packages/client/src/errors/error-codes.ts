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

const classByCode: ReadonlyMap<number, ApiErrorClass> = new Map<number, ApiErrorClass>([
  [414, NimParamError],
  [403, NimAuthError],
  [416, NimRateLimitError],
  [102404, NimNotFoundError], // account
  [108404, NimNotFoundError], // team
  [110404, NimNotFoundError], // conversation
  [116404, NimNotFoundError], // group
  [116435, NimLimitExceededError], // groups per account
  [116437, NimLimitExceededError], // conversations per group
  [110304, NimLimitExceededError], // a conversation is already in 5 groups
]);

/** Builds the error for a business error code; used only by the envelope step. */
export function createApiError(details: NimApiErrorDetails): NimApiError {
  const ErrorClass = classByCode.get(details.code) ?? NimApiError;
  return new ErrorClass(details);
}
