import { z } from 'zod';
import { invoiceFileSchema, invoiceInputSchema, invoicesOutputSchema, providerSubscriptionSchema } from './billing';
import {
  addableOutputSchema,
  addExistingInputSchema,
  addExistingOutputSchema,
  clientOutputSchema,
  createClientInputSchema,
  createClientOutputSchema,
  renameClientInputSchema,
  seatsInputSchema,
  unlinkClientInputSchema,
  unlinkClientOutputSchema,
  updateSeatsOutputSchema,
} from './clients';
import { portalBulkResultSchema, providerInputSchema } from './common';
import {
  acceptInviteInputSchema,
  acceptInviteOutputSchema,
  linkInfoSchema,
  linkInputSchema,
  setupProviderInputSchema,
  setupProviderOutputSchema,
  takeOpenedLinkOutputSchema,
} from './links';
import {
  changeRoleInputSchema,
  changeRoleOutputSchema,
  providerConfirmationDetailsOutputSchema,
  confirmMembersInputSchema,
  inviteMembersInputSchema,
  inviteMembersOutputSchema,
  providerMemberIdsInputSchema,
  reinviteMembersInputSchema,
} from './providerMembers';
import { providerDetailsSchema, updateProviderDetailsInputSchema } from './providerSettings';
import {
  queuePendingInputSchema,
  queuePendingOutputSchema,
  queueConfirmInputSchema,
  queueReinviteInputSchema,
} from './queue';

function channel<I extends z.ZodType, O extends z.ZodType>(input: I, output: O) {
  return { input, output };
}

const noInput = z.undefined().or(z.null()).or(z.object({}).strict()).optional();

/**
 * The Provider Portal channels, spread into `channels` (channels.ts). Every input names its `providerId` (links:
 * their `linkId`); `accountId` is optional and defaults to the active account. Changes refresh the cache through
 * a sync (`sync.batch` pushes follow).
 */
export const portalChannels = {
  // Clients (clients.ts)
  'clients.create': channel(createClientInputSchema, createClientOutputSchema),
  'clients.addable': channel(providerInputSchema, addableOutputSchema),
  'clients.addExisting': channel(addExistingInputSchema, addExistingOutputSchema),
  'clients.previewSeats': channel(seatsInputSchema, updateSeatsOutputSchema),
  'clients.updateSeats': channel(seatsInputSchema, updateSeatsOutputSchema),
  'clients.rename': channel(renameClientInputSchema, clientOutputSchema),
  'clients.unlink': channel(unlinkClientInputSchema, unlinkClientOutputSchema),
  // Provider members (providerMembers.ts)
  'providerMembers.invite': channel(inviteMembersInputSchema, inviteMembersOutputSchema),
  'providerMembers.reinvite': channel(reinviteMembersInputSchema, portalBulkResultSchema),
  'providerMembers.confirmationDetails': channel(providerMemberIdsInputSchema, providerConfirmationDetailsOutputSchema),
  'providerMembers.confirm': channel(confirmMembersInputSchema, portalBulkResultSchema),
  'providerMembers.changeRole': channel(changeRoleInputSchema, changeRoleOutputSchema),
  'providerMembers.remove': channel(providerMemberIdsInputSchema, portalBulkResultSchema),
  // Billing (billing.ts)
  'billing.subscription': channel(providerInputSchema, providerSubscriptionSchema),
  'billing.invoices': channel(providerInputSchema, invoicesOutputSchema),
  'billing.downloadInvoice': channel(invoiceInputSchema, invoiceFileSchema),
  // Settings (providerSettings.ts)
  'provider.details': channel(providerInputSchema, providerDetailsSchema),
  'provider.updateDetails': channel(updateProviderDetailsInputSchema, providerDetailsSchema),
  // Setup and invitation links (links.ts)
  'links.parse': channel(linkInputSchema, linkInfoSchema),
  'links.takeOpened': channel(noInput, takeOpenedLinkOutputSchema),
  'links.setupProvider': channel(setupProviderInputSchema, setupProviderOutputSchema),
  'links.acceptProviderInvite': channel(acceptInviteInputSchema, acceptInviteOutputSchema),
  // Cross-client queue (queue.ts)
  'queue.pending': channel(queuePendingInputSchema, queuePendingOutputSchema),
  'queue.confirm': channel(queueConfirmInputSchema, portalBulkResultSchema),
  'queue.reinvite': channel(queueReinviteInputSchema, portalBulkResultSchema),
} as const;

/** Push events of the portal, spread into `pushEvents` (events.ts). */
export const portalPushEvents = {
  /** The OS opened a `providerdesk://` link (or a setup/invite link was handed to the app): show that flow. */
  'links.opened': linkInfoSchema,
} as const;
