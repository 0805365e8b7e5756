import { describe, expect, it } from 'vitest';
import type { ProviderEvent } from '../../../../src-shared/contract';
import {
  applyPage,
  beginRun,
  END_MARGIN_MS,
  INITIAL_WINDOW_DAYS,
  OVERLAP_MS,
} from '../../../../src-main/sync/eventRuns';

const NOW = Date.parse('2026-06-01T12:00:00.000Z');
const DAY = 24 * 3600_000;

const event = (key: string, date: string): ProviderEvent => ({
  key,
  type: 1800,
  date,
  actingUserId: null,
  userId: null,
  organizationId: null,
  organizationUserId: null,
  providerId: 'p',
  providerUserId: null,
  providerOrganizationId: null,
  cipherId: null,
  collectionId: null,
  groupId: null,
  policyId: null,
  deviceType: null,
  ipAddress: null,
  systemUser: null,
});

describe('event runs', () => {
  it('the first run reaches back the initial window and ends a margin in the future', () => {
    const { state, resumed } = beginRun(undefined, NOW);
    expect(resumed).toBe(false);
    expect(state.run).toEqual({
      start: new Date(NOW - INITIAL_WINDOW_DAYS * DAY).toISOString(),
      end: new Date(NOW + END_MARGIN_MS).toISOString(),
      continuationToken: null,
      newest: null,
      newestKeys: [],
      startedAt: new Date(NOW).toISOString(),
    });
  });

  it('pages newest first; the state after each page resumes the run; the end marks the newest event complete', () => {
    let { state } = beginRun(undefined, NOW);
    const page1 = applyPage(
      state,
      [event('e5', '2026-05-31T10:00:00.000Z'), event('e4', '2026-05-31T09:00:00.000Z')],
      'token-1',
    );
    expect(page1.fresh.map((e) => e.key)).toEqual(['e5', 'e4']);
    expect(page1.state.run).toMatchObject({
      continuationToken: 'token-1',
      newest: '2026-05-31T10:00:00.000Z',
      newestKeys: ['e5'],
    });
    expect(beginRun(page1.state, NOW + 60_000)).toEqual({ state: page1.state, resumed: true });

    state = page1.state as typeof state;
    const page2 = applyPage(state, [event('e3', '2026-05-30T00:00:00.000Z')], null);
    expect(page2.state).toEqual({
      completeThrough: '2026-05-31T10:00:00.000Z',
      boundaryKeys: ['e5'],
      lastRunStartedAt: new Date(NOW).toISOString(),
      run: null,
    });
  });

  it('the next run reaches back an overlap before the complete mark and skips the events cached at that instant', () => {
    const complete = { completeThrough: '2026-05-31T10:00:00.000Z', boundaryKeys: ['e5', 'e5b'], run: null };
    const { state } = beginRun(complete, NOW);
    expect(state.run.start).toBe(new Date(Date.parse(complete.completeThrough) - OVERLAP_MS).toISOString());
    const page = applyPage(
      state,
      [
        event('e7', '2026-06-01T11:00:00.000Z'),
        event('e6', '2026-05-31T10:00:00.000Z'),
        event('e5b', '2026-05-31T10:00:00.000Z'),
        event('e5', '2026-05-31T10:00:00.000Z'),
        // Written late: dated before the newest cached event, so a run from the mark would never see it.
        event('late', '2026-05-31T08:00:00.000Z'),
      ],
      null,
    );
    expect(page.fresh.map((e) => e.key)).toEqual(['e7', 'e6', 'late']);
    expect(page.state).toEqual({
      completeThrough: '2026-06-01T11:00:00.000Z',
      boundaryKeys: ['e7'],
      lastRunStartedAt: new Date(NOW).toISOString(),
      run: null,
    });
  });

  it('reaches back before the last run start when the newest event is dated in the future', () => {
    // Events dated ahead of the clock (a seed, a server clock ahead): the mark alone would skip today's new events.
    const future = { completeThrough: new Date(NOW + 15 * 3600_000).toISOString(), boundaryKeys: [], run: null };
    const lastRunStartedAt = new Date(NOW - 3600_000).toISOString();
    expect(beginRun({ ...future, lastRunStartedAt }, NOW).state.run.start).toBe(
      new Date(NOW - 3600_000 - OVERLAP_MS).toISOString(),
    );
    expect(beginRun(future, NOW).state.run.start).toBe(new Date(NOW - OVERLAP_MS).toISOString());
  });

  it('a resumed run keeps its range; the run after it reaches back from the resumed run start', () => {
    const { state } = beginRun(undefined, NOW);
    const page = applyPage(state, [event('e1', '2026-05-31T10:00:00.000Z')], 'token');
    const resumed = beginRun(page.state, NOW + DAY);
    expect(resumed).toEqual({ state: page.state, resumed: true });
    const done = applyPage(resumed.state, [], null).state;
    expect(done.lastRunStartedAt).toBe(new Date(NOW).toISOString());
    expect(beginRun(done, NOW + DAY).state.run.start).toBe(
      new Date(Date.parse(done.completeThrough!) - OVERLAP_MS).toISOString(),
    );
  });

  it('a run that finds nothing new keeps the mark; one that finds only more events at the mark adds their keys', () => {
    const complete = { completeThrough: '2026-05-31T10:00:00.000Z', boundaryKeys: ['e5'], run: null };
    const marked = { ...complete, lastRunStartedAt: new Date(NOW).toISOString() };
    expect(applyPage(beginRun(complete, NOW).state, [], null).state).toEqual(marked);
    const same = applyPage(
      beginRun(complete, NOW).state,
      [event('e5', complete.completeThrough), event('e6', complete.completeThrough)],
      null,
    );
    expect(same.fresh.map((e) => e.key)).toEqual(['e6']);
    expect(same.state).toEqual({ ...marked, boundaryKeys: ['e5', 'e6'] });
  });

  it('an empty first run marks its start complete', () => {
    const { state } = beginRun(undefined, NOW);
    expect(applyPage(state, [], null).state).toEqual({
      completeThrough: state.run.start,
      boundaryKeys: [],
      lastRunStartedAt: new Date(NOW).toISOString(),
      run: null,
    });
  });

  it('never asks for more than the 367-day range the server allows', () => {
    const { state } = beginRun({ completeThrough: '2020-01-01T00:00:00.000Z', boundaryKeys: [], run: null }, NOW);
    const span = Date.parse(state.run.end) - Date.parse(state.run.start);
    expect(span).toBeLessThanOrEqual(367 * DAY);
  });
});
