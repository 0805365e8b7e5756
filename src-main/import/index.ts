/**
 * Import files into a client org (issue 8): one parser per format, each returning plain items that stay in main,
 * plus per-row problems. `readImport` also drops items over Bitwarden's field size limits.
 */
import type { ImportFormat } from '../../src-shared/contract/clientOrg';
import { parseBitwardenCsv } from './bitwardenCsv';
import { parseBitwardenJson } from './bitwardenJson';
import { parseKeeperCsv } from './keeperCsv';
import { parseLastPassCsv } from './lastpassCsv';
import { sizeProblem } from './limits';
import type { ParsedImport } from './types';

export type { ImportItem, ImportProblem, ParsedImport } from './types';
export { encryptItem } from './encrypt';

const PARSERS: Record<ImportFormat, (text: string) => ParsedImport> = {
  bitwardenJson: parseBitwardenJson,
  bitwardenCsv: parseBitwardenCsv,
  lastpassCsv: parseLastPassCsv,
  keeperCsv: parseKeeperCsv,
};

export function readImport(format: ImportFormat, text: string): ParsedImport {
  const parsed = PARSERS[format](text);
  const problems = [...parsed.problems];
  const items = parsed.items.filter((item) => {
    const tooLarge = sizeProblem(item);
    if (tooLarge) problems.push({ row: item.row, reason: tooLarge });
    return !tooLarge;
  });
  return { total: parsed.total, items, problems: problems.sort((a, b) => a.row - b.row) };
}
