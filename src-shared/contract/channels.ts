import { z } from 'zod';
import { settingsPatchSchema, settingsSchema } from './settings';

/**
 * The IPC contract: one declaration per channel, input and output as zod schemas. Main parses the input before
 * a service runs and the output before it leaves; the renderer's client is typed from this object.
 */
function channel<I extends z.ZodType, O extends z.ZodType>(input: I, output: O) {
  return { input, output };
}

const noInput = z.undefined().or(z.null()).or(z.object({}).strict()).optional();

export const shellKindSchema = z.enum(['electron', 'web']);
export type ShellKind = z.infer<typeof shellKindSchema>;

export const appInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  platform: z.string(),
  arch: z.string(),
  shell: shellKindSchema,
  versions: z.record(z.string(), z.string()),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

export const channels = {
  'app.info': channel(noInput, appInfoSchema),
  'settings.get': channel(noInput, settingsSchema),
  'settings.set': channel(settingsPatchSchema, settingsSchema),
} as const;

export type Channels = typeof channels;
export type ChannelName = keyof Channels;
export type ChannelInput<C extends ChannelName> = z.input<Channels[C]['input']>;
export type ChannelOutput<C extends ChannelName> = z.output<Channels[C]['output']>;

export const channelNames = Object.keys(channels) as ChannelName[];

export function isChannelName(value: unknown): value is ChannelName {
  return typeof value === 'string' && Object.hasOwn(channels, value);
}
