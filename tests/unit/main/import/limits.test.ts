// Field size limits: the predicted EncString length matches real encryption, and oversized items are named.
import { describe, expect, it } from 'vitest';
import { encryptToString, generateSymmetricKey } from '../../../../src-main/crypto';
import { readImport } from '../../../../src-main/import';
import { encryptedLength, sizeProblem } from '../../../../src-main/import/limits';
import { blankItem } from '../../../../src-main/import/types';

describe('import size limits', () => {
  it('predicts the EncString length of any text', () => {
    const key = generateSymmetricKey();
    for (const text of ['', 'a', 'x'.repeat(15), 'x'.repeat(16), 'x'.repeat(17), 'Zürich 日本 🔑', 'y'.repeat(999)]) {
      expect(encryptedLength(text)).toBe(encryptToString(text, key).length);
    }
  });

  it('names the field that is too long, not its content', () => {
    const item = blankItem(1, 2, 'fine');
    expect(sizeProblem(item)).toBeNull();
    item.notes = 'n'.repeat(8000);
    expect(sizeProblem(item)).toMatch(/^The notes is too long/);
    item.notes = null;
    item.collections = ['c'.repeat(800)];
    expect(sizeProblem(item)).toMatch(/collection name/);
  });

  it('drops oversized items in readImport and reports them by row', () => {
    const long = 'n'.repeat(900);
    const parsed = readImport('bitwardenCsv', `type,name\nlogin,ok\nlogin,${long}\n`);
    expect(parsed.items.map((i) => i.name)).toEqual(['ok']);
    expect(parsed.problems).toEqual([{ row: 3, reason: expect.stringMatching(/The name is too long/) }]);
  });
});
