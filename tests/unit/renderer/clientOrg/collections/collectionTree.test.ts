import { describe, expect, it } from 'vitest';
import {
  collectionTree,
  subtreeIds,
  undecryptableName,
} from '../../../../../src-renderer/lib/clientOrg/collections/collectionTree';
import { collection } from '../members/orgFixtures';

describe('collectionTree: nested names', () => {
  const finance = collection('Finance');
  const payroll = collection('Finance/Payroll', { parentId: finance.id });
  const archive = collection('Finance/Payroll/2024', { parentId: payroll.id });
  const admin = collection('admin');
  const orphan = collection('Marketing/Social'); // no "Marketing" collection exists
  const unreadable = collection(null);

  it('puts parents before children, siblings by name, and labels children by their own segment', () => {
    const nodes = collectionTree([unreadable, archive, orphan, payroll, admin, finance]);
    expect(nodes.map((n) => [n.label, n.depth])).toEqual([
      ['admin', 0],
      ['Finance', 0],
      ['Payroll', 1],
      ['2024', 2],
      ['Marketing/Social', 0],
      [undecryptableName, 0],
    ]);
    expect(nodes.find((n) => n.label === '2024')?.fullName).toBe('Finance/Payroll/2024');
    expect(nodes.find((n) => n.label === 'Finance')?.descendants).toBe(2);
  });

  it('keeps a child at the top when its parent is not in the list', () => {
    const nodes = collectionTree([payroll, archive]);
    expect(nodes.map((n) => [n.label, n.depth])).toEqual([
      ['Finance/Payroll', 0],
      ['2024', 1],
    ]);
  });

  it('lists a collection with everything nested below it', () => {
    const nodes = collectionTree([finance, payroll, archive, admin]);
    expect(subtreeIds(nodes, finance.id)).toEqual([finance.id, payroll.id, archive.id]);
    expect(subtreeIds(nodes, admin.id)).toEqual([admin.id]);
  });
});
