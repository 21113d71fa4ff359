// The public-API report of @nim-api/client (packages/client/etc/client.api.md), by API Extractor from the built
// declarations (packages/client/dist/index.d.ts; config: packages/client/api-extractor.json).
//
//   pnpm api:update                       build the client, then rewrite the committed report (local mode)
//   node scripts/api-report.mjs           check only (non-local mode): exit 1 when the report is stale or API
//                                         Extractor warned (any warning fails: no internal type may leak into the
//                                         published declarations, ae-forgotten-export)
//
// The release-checks test calls `runApiReport({ update: false })`.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Extractor, ExtractorConfig } from '@microsoft/api-extractor';

export const apiExtractorConfigPath = fileURLToPath(new URL('../packages/client/api-extractor.json', import.meta.url));

/**
 * @param {{ update?: boolean }} [options] update: local mode, i.e. write the committed report
 * @returns {Promise<{ succeeded: boolean, reportChanged: boolean, reportPath: string, tempReportPath: string,
 *   committed: string, fresh: string, messages: string[] }>}
 */
export async function runApiReport({ update = false } = {}) {
  const config = ExtractorConfig.loadFileAndPrepare(apiExtractorConfigPath);
  const messages = [];
  const result = Extractor.invoke(config, {
    localBuild: update,
    showVerboseMessages: false,
    messageCallback(message) {
      if (message.logLevel !== 'warning' && message.logLevel !== 'error') {
        message.handled = true;
        return;
      }
      // API Extractor's own notes ("the report changed", category console) are not findings; the stale report is
      // told by reportChanged. Every other warning is a finding.
      if (message.category === 'console' && message.logLevel !== 'error') console.log(message.text);
      else messages.push(`${message.logLevel}: ${message.formatMessageWithLocation(process.cwd())}`);
      message.handled = true;
    },
  });
  const reportPath = config.reportConfigs.length
    ? resolve(config.reportFolder, config.reportConfigs[0].fileName)
    : config.reportFilePath;
  const tempReportPath = config.reportConfigs.length
    ? resolve(config.reportTempFolder, config.reportConfigs[0].fileName)
    : config.reportTempFilePath;
  const committed = await readFile(reportPath, 'utf8').catch(() => '');
  const fresh = await readFile(tempReportPath, 'utf8').catch(() => '');
  return {
    succeeded: result.succeeded,
    reportChanged: result.apiReportChanged,
    reportPath,
    tempReportPath,
    committed,
    fresh,
    messages,
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const update = process.argv.includes('--update');
  const report = await runApiReport({ update });
  for (const line of report.messages) console.log(line);
  if (update) {
    console.log(report.reportChanged ? `updated ${report.reportPath}` : `${report.reportPath} is up to date`);
    if (!report.succeeded || report.messages.length) process.exitCode = 1;
  } else if (report.reportChanged || !report.succeeded || report.messages.length) {
    console.error(
      report.messages.length
        ? `API Extractor warned (${report.messages.length}); every warning fails the check`
        : report.reportChanged
          ? `the public API of @nim-api/client changed: ${report.reportPath} is stale (fresh one: ${report.tempReportPath}). Run \`pnpm api:update\` and commit it.`
          : 'API Extractor reported errors',
    );
    process.exitCode = 1;
  } else {
    console.log(`${report.reportPath} matches the public API`);
  }
}
