import { z } from 'zod';
import { serverEnvironmentSchema } from '../session';
import { billingAddressSchema } from './billingAddress';
import { emailAddressSchema } from './common';

/**
 * Provider setup and invitation links (provider-portal.md §10–11). Accepted forms:
 * - the emailed web links: `https://<vault>/providers/setup-provider?providerId&email&token` and
 *   `https://<vault>/providers/accept-provider?providerId&providerUserId&email&providerName&token`
 *   (also with the web vault's `#/` before `providers`);
 * - the app link `providerdesk://providers/<same path and query>&server=<vault URL>` (or
 *   `providerdesk://setup-provider?…`), opened by the OS.
 * Main keeps the link's token; the renderer gets a `linkId` to act on it, never the token.
 */

export const linkInputSchema = z.object({ url: z.string().trim().min(1, 'Paste a link').max(8192) }).strict();

const linkBase = {
  /** Hand this to `links.setupProvider` / `links.acceptProviderInvite` (valid while the app runs). */
  linkId: z.string(),
  providerId: z.string(),
  /** The invited address: sign in (or create an account) with it. */
  email: z.string().nullable(),
  /** The server the link came from, to preselect at sign-in; null when the link does not say. */
  server: serverEnvironmentSchema.nullable(),
  serverLabel: z.string().nullable(),
  /** A signed-in account on this computer that matches the link's email (and server), if any. */
  matchingAccountId: z.string().nullable(),
};

export const linkInfoSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('setupProvider'), ...linkBase }),
  z.object({
    kind: z.literal('acceptProviderInvite'),
    ...linkBase,
    providerUserId: z.string(),
    providerName: z.string().nullable(),
  }),
]);
export type LinkInfo = z.infer<typeof linkInfoSchema>;

export const takeOpenedLinkOutputSchema = z.object({ link: linkInfoSchema.nullable() });

const linkRef = { linkId: z.string().min(1).max(100), accountId: z.string().min(1).max(200).optional() };

export const setupProviderInputSchema = z
  .object({
    ...linkRef,
    name: z.string().trim().min(1, 'Enter the provider name').max(50, 'The name has at most 50 characters'),
    billingEmail: emailAddressSchema,
    billingAddress: billingAddressSchema.optional(),
  })
  .strict();
export const setupProviderOutputSchema = z.object({ providerId: z.string(), name: z.string().nullable() });

export const acceptInviteInputSchema = z.object(linkRef).strict();
export const acceptInviteOutputSchema = z.object({
  providerId: z.string(),
  providerName: z.string().nullable(),
  /** Always true: a provider admin still has to confirm the membership before the provider opens. */
  confirmationPending: z.literal(true),
});
