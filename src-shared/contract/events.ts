import { z } from 'zod';
import { settingsSchema } from './settings';

/** Push events from main to the renderer, each with the schema of its payload. */
export const pushEvents = {
  'settings.changed': settingsSchema,
  /** The native menu's "About Provider Desk" was chosen. */
  'app.showAbout': z.object({}).strict(),
} as const;

export type PushEvents = typeof pushEvents;
export type PushEventName = keyof PushEvents;
export type PushEventPayload<E extends PushEventName> = z.output<PushEvents[E]>;

export function isPushEventName(value: unknown): value is PushEventName {
  return typeof value === 'string' && Object.hasOwn(pushEvents, value);
}
