import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import CollectionsPage from '../../../../../src-renderer/lib/clientOrg/collections/CollectionsPage.svelte';
import { installFakeDesk, type FakeDesk } from '../../fakes/desk';
import { enterConsole } from '../members/membersTestSetup';
import { CLIENT_NAME, collection, group, member, overview } from '../members/orgFixtures';

const dispatch = group({ name: 'Dispatch' });
const ann = member({ name: 'Ann Lee' });
const parent = collection('Operations');
const child = collection('Operations/Fleet', {
  parentId: parent.id,
  groups: [{ id: dispatch.id, access: 'canEdit' }],
  members: [{ id: ann.id, access: 'canManage' }],
});
const mine = collection('My Items', { kind: 'defaultUser', defaultUserEmail: 'ann@alder.example' });

let leave: () => void;
let desk: FakeDesk;

beforeEach(() => {
  leave = enterConsole();
  desk = installFakeDesk({
    'org.overview': () => overview(),
    'org.collections.list': () => ({ collections: [child, mine, parent], accessIncluded: true }),
    'org.groups.list': () => ({ groups: [dispatch] }),
    'org.members.list': () => ({ members: [ann] }),
    'org.collections.create': (input) => ({
      collection: collection(`Operations/${input.name}`, { parentId: input.parentId ?? null }),
    }),
  });
});

afterEach(() => leave());

const grid = () => screen.getByRole('grid', { name: 'Collections' });
const rows = () =>
  within(grid())
    .getAllByRole('row')
    .filter((row) => row.hasAttribute('data-index'))
    .sort((a, b) => Number(a.dataset.index) - Number(b.dataset.index));
const operationsRow = () => rows().find((row) => row.querySelector('[title="Operations"]'))!;

// Rendering pages with a virtualized grid is slow on a loaded machine; the assertions wait, not the clock.
describe('CollectionsPage', { timeout: 20_000 }, () => {
  it('nests children under their parent by name, with who has access at which level', async () => {
    render(CollectionsPage);
    await waitFor(() => expect(rows()).toHaveLength(3));
    const fleet = within(grid()).getByTitle('Operations/Fleet');
    expect(fleet.textContent?.replace(/\s+/g, ' ').trim()).toBe('└ Fleet');
    // Siblings by name (My Items, Operations), each child right under its parent.
    expect(rows().map((row) => row.querySelector('[title]')?.getAttribute('title'))).toEqual([
      'My Items',
      'Operations',
      'Operations/Fleet',
    ]);
    await waitFor(() => expect(rows()[2]?.textContent).toContain('Dispatch (Can edit)'));
    expect(rows()[2]?.textContent).toContain('Ann Lee (Can manage)');
    // A member's My Items collection is shown, but cannot be edited or deleted.
    const myItems = rows().find((row) => row.textContent?.includes('ann@alder.example'))!;
    expect(within(myItems).queryByRole('button', { name: 'Edit' })).toBeNull();
    // Opening this page reads access details (logged as vault access); pickers elsewhere do not.
    expect(desk.calls.find((c) => c.channel === 'org.collections.list')?.input).toMatchObject({ includeAccess: true });
  });

  it('creates a nested collection under the row it was asked from', async () => {
    render(CollectionsPage);
    await waitFor(() => expect(rows()).toHaveLength(3));
    await fireEvent.click(within(operationsRow()).getByRole('button', { name: 'Add nested' }));
    const dialog = await screen.findByRole('dialog', { name: `New collection in ${CLIENT_NAME}` });
    expect((within(dialog).getByLabelText('Nest under') as HTMLSelectElement).value).toBe(parent.id);
    await fireEvent.input(within(dialog).getByLabelText('Name'), { target: { value: 'Drivers' } });
    expect(within(dialog).getByText('Full name: Operations/Drivers')).toBeTruthy();
    await fireEvent.click(within(dialog).getByRole('button', { name: 'Create collection' }));
    await waitFor(() => expect(desk.calls.some((c) => c.channel === 'org.collections.create')).toBe(true));
    expect(desk.calls.find((c) => c.channel === 'org.collections.create')?.input).toMatchObject({
      name: 'Drivers',
      parentId: parent.id,
    });
  });

  it('refuses a name whose encrypted form, parents included, the server would refuse', async () => {
    render(CollectionsPage);
    await waitFor(() => expect(rows()).toHaveLength(3));
    await fireEvent.click(within(operationsRow()).getByRole('button', { name: 'Add nested' }));
    const dialog = await screen.findByRole('dialog', { name: `New collection in ${CLIENT_NAME}` });
    const name = within(dialog).getByLabelText<HTMLInputElement>('Name');
    // "Operations/" is 11 bytes: 676 more make 687, the most whose EncString stays within 1000 characters.
    await fireEvent.input(name, { target: { value: 'd'.repeat(677) } });
    await fireEvent.click(within(dialog).getByRole('button', { name: 'Create collection' }));
    expect(dialog.textContent).toContain('has at most 687 characters');
    expect(name.getAttribute('aria-invalid')).toBe('true');
    // Accented letters take two bytes each.
    await fireEvent.input(name, { target: { value: 'é'.repeat(340) } });
    expect(dialog.textContent).toContain('has at most 687 characters');
    expect(desk.calls.some((c) => c.channel === 'org.collections.create')).toBe(false);

    await fireEvent.input(name, { target: { value: 'd'.repeat(676) } });
    expect(dialog.textContent).not.toContain('has at most 687 characters');
    await fireEvent.click(within(dialog).getByRole('button', { name: 'Create collection' }));
    await waitFor(() => expect(desk.calls.some((c) => c.channel === 'org.collections.create')).toBe(true));
  });

  it('asks for the client name before deleting a collection', async () => {
    render(CollectionsPage);
    await waitFor(() => expect(rows()).toHaveLength(3));
    await fireEvent.click(within(operationsRow()).getByRole('button', { name: 'Delete' }));
    const dialog = await screen.findByRole('dialog', { name: `Delete collection Operations from ${CLIENT_NAME}?` });
    expect(within(dialog).getByText(/1 below it move to the top level/)).toBeTruthy();
    expect((within(dialog).getByRole('button', { name: 'Delete collection' }) as HTMLButtonElement).disabled).toBe(
      true,
    );
  });
});
