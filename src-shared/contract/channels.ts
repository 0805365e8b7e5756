import { z } from 'zod';
import {
  accountFingerprintInputSchema,
  changePasswordInputSchema,
  logOutEverywhereInputSchema,
  accountFingerprintSchema,
  accountInputSchema,
  emailCodeSentSchema,
  emptyOutputSchema,
  lockInputSchema,
  loginInputSchema,
  loginResultSchema,
  loginWithApiKeyInputSchema,
  pendingInputSchema,
  registerInputSchema,
  registerResultSchema,
  serverEnvironmentSchema,
  sessionStateSchema,
  submitNewDeviceCodeInputSchema,
  submitTwoFactorInputSchema,
  unlockInputSchema,
} from './session';
import { clientOrgChannels } from './clientOrg/channels';
import { portalChannels } from './portal/channels';
import { settingsPatchSchema, settingsSchema } from './settings';
import {
  syncConnectivityInputSchema,
  syncConnectivityOutputSchema,
  syncStartInputSchema,
  syncStartOutputSchema,
  syncStatusInputSchema,
  syncStatusSchema,
} from './sync';

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
  /** The server `npm start` (or `--server`) pointed the app at; sign-in preselects it. */
  defaultServer: serverEnvironmentSchema.nullable(),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

export const channels = {
  'app.info': channel(noInput, appInfoSchema),
  'settings.get': channel(noInput, settingsSchema),
  'settings.set': channel(settingsPatchSchema, settingsSchema),
  // Sessions (session.ts): sign-in steps answer a LoginResult; the others answer the whole SessionState.
  'session.accounts': channel(noInput, sessionStateSchema),
  'session.login': channel(loginInputSchema, loginResultSchema),
  'session.submitTwoFactor': channel(submitTwoFactorInputSchema, loginResultSchema),
  'session.sendEmailCode': channel(pendingInputSchema, emailCodeSentSchema),
  'session.submitNewDeviceCode': channel(submitNewDeviceCodeInputSchema, loginResultSchema),
  'session.cancelLogin': channel(pendingInputSchema, emptyOutputSchema),
  'session.loginWithApiKey': channel(loginWithApiKeyInputSchema, loginResultSchema),
  'session.unlock': channel(unlockInputSchema, sessionStateSchema),
  'session.lock': channel(lockInputSchema.or(z.null()), sessionStateSchema),
  'session.logout': channel(accountInputSchema, sessionStateSchema),
  'session.switch': channel(accountInputSchema, sessionStateSchema),
  'session.activity': channel(noInput, emptyOutputSchema),
  // Creating an account (then `session.login`).
  'session.register': channel(registerInputSchema, registerResultSchema),
  // The signed-in account's own identity and fingerprint phrase (Settings → Account).
  'account.fingerprint': channel(accountFingerprintInputSchema.or(z.null()), accountFingerprintSchema),
  'account.changePassword': channel(changePasswordInputSchema, sessionStateSchema),
  'account.logOutEverywhere': channel(logOutEverywhereInputSchema, sessionStateSchema),
  // Sync (sync.ts): data arrives as `sync.batch` push events.
  'sync.start': channel(syncStartInputSchema, syncStartOutputSchema),
  'sync.status': channel(syncStatusInputSchema, syncStatusSchema),
  'sync.connectivity': channel(syncConnectivityInputSchema, syncConnectivityOutputSchema),
  // Provider Portal actions and reads (portal/): clients, provider members, billing, settings, links, queue.
  ...portalChannels,
  // The per-client admin console (clientOrg/): members, groups, collections, policies, SSO, import, license.
  ...clientOrgChannels,
} as const;

export type Channels = typeof channels;
export type ChannelName = keyof Channels;
export type ChannelInput<C extends ChannelName> = z.input<Channels[C]['input']>;
export type ChannelOutput<C extends ChannelName> = z.output<Channels[C]['output']>;

export const channelNames = Object.keys(channels) as ChannelName[];

export function isChannelName(value: unknown): value is ChannelName {
  return typeof value === 'string' && Object.hasOwn(channels, value);
}
