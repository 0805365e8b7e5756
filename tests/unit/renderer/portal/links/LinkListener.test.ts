import { render } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LinkInfo } from '$shared/contract/portal/links';
import LinkListener from '../../../../../src-renderer/lib/portal/links/LinkListener.svelte';
import { linkStore } from '../../../../../src-renderer/lib/portal/links/linkStore.svelte';
import { paletteRegistry } from '../../../../../src-renderer/lib/palette/registry.svelte';
import { installFakeDesk } from '../../fakes/desk';

const link: LinkInfo = {
  kind: 'setupProvider',
  linkId: 'link-9',
  providerId: '0b6a9f2e-1c3d-4e5f-8a9b-0c1d2e3f4a5b',
  email: 'owner@example.com',
  server: null,
  serverLabel: null,
  matchingAccountId: null,
};

afterEach(() => linkStore.reset());

describe('LinkListener', () => {
  it('takes a link opened before the window listened, follows links.opened, and adds the palette action', async () => {
    const desk = installFakeDesk({ 'links.takeOpened': () => ({ link }) });
    const onNavigate = vi.fn();
    const { unmount } = render(LinkListener, { onNavigate });
    await vi.waitFor(() => expect(onNavigate).toHaveBeenCalledTimes(1));
    expect(linkStore.current?.linkId).toBe('link-9');

    desk.emit('links.opened', { ...link, linkId: 'link-10' });
    expect(onNavigate).toHaveBeenCalledTimes(2);
    expect(linkStore.current?.linkId).toBe('link-10');

    const item = paletteRegistry.items.find((i) => i.id === 'action:open-link');
    expect(item?.label).toBe('Open provider link…');
    item?.run();
    expect(onNavigate).toHaveBeenCalledTimes(3);

    unmount();
    expect(desk.listenerCount('links.opened')).toBe(0);
    expect(paletteRegistry.items.some((i) => i.id === 'action:open-link')).toBe(false);
  });
});

describe('LinkListener, mounted twice (layout and page)', () => {
  it('subscribes once, and keeps the palette action until the last one unmounts', async () => {
    const desk = installFakeDesk({ 'links.takeOpened': () => ({ link: null }) });
    const first = vi.fn();
    const second = vi.fn();
    const layout = render(LinkListener, { onNavigate: first });
    const page = render(LinkListener, { onNavigate: second });
    expect(desk.listenerCount('links.opened')).toBe(1);
    expect(desk.calls.filter((c) => c.channel === 'links.takeOpened')).toHaveLength(1);

    page.unmount();
    expect(paletteRegistry.items.some((i) => i.id === 'action:open-link')).toBe(true);
    desk.emit('links.opened', link);
    expect(first.mock.calls.length + second.mock.calls.length).toBe(1);

    layout.unmount();
    expect(desk.listenerCount('links.opened')).toBe(0);
    expect(paletteRegistry.items.some((i) => i.id === 'action:open-link')).toBe(false);
  });
});
