// Environment for every tool the scripts start: no telemetry, no update checks, no network calls.
export const quietToolEnv = {
  TURBO_TELEMETRY_DISABLED: '1',
  TURBO_NO_UPDATE_NOTIFIER: '1',
  DO_NOT_TRACK: '1',
  REDOCLY_TELEMETRY: 'off',
  REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true',
  NPM_CONFIG_UPDATE_NOTIFIER: 'false',
  SCARF_ANALYTICS: 'false',
};
