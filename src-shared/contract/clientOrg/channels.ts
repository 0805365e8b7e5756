import { z } from 'zod';
import { orgBulkResultSchema, orgInputSchema } from './common';
import {
  collectionCreateInputSchema,
  collectionOutputSchema,
  collectionsDeleteInputSchema,
  collectionsListInputSchema,
  collectionsListOutputSchema,
  collectionUpdateInputSchema,
} from './collections';
import {
  orgDeletedOutputSchema,
  groupCreateInputSchema,
  groupOutputSchema,
  groupsDeleteInputSchema,
  groupsListOutputSchema,
  groupUpdateInputSchema,
} from './groups';
import {
  importInputSchema,
  importPreviewOutputSchema,
  importProgressSchema,
  importRunInputSchema,
  importRunOutputSchema,
} from './import';
import {
  orgConfirmationDetailsOutputSchema,
  orgMemberIdsInputSchema,
  membersConfirmInputSchema,
  membersInviteInputSchema,
  membersInviteOutputSchema,
  membersListOutputSchema,
  memberUpdateInputSchema,
} from './members';
import { licenseInputSchema, licenseOutputSchema, overviewOutputSchema, subscriptionOutputSchema } from './overview';
import { policiesListOutputSchema, policyOutputSchema, policyUpdateInputSchema } from './policies';
import { ssoOutputSchema, ssoSaveInputSchema } from './sso';

/**
 * The per-client admin console (issue 8): `org.*` channels, each taking `organizationId` (and optionally
 * `accountId`). Registered in `../channels.ts`.
 */
function channel<I extends z.ZodType, O extends z.ZodType>(input: I, output: O) {
  return { input, output };
}

const emptySchema = z.object({}).strict();

export const clientOrgChannels = {
  'org.overview': channel(orgInputSchema, overviewOutputSchema),
  'org.subscription': channel(orgInputSchema, subscriptionOutputSchema),
  'org.license.download': channel(licenseInputSchema, licenseOutputSchema),
  // Members (members.ts). Bulk actions answer one result per id.
  'org.members.list': channel(orgInputSchema, membersListOutputSchema),
  'org.members.invite': channel(membersInviteInputSchema, membersInviteOutputSchema),
  'org.members.reinvite': channel(orgMemberIdsInputSchema, orgBulkResultSchema),
  'org.members.confirmationDetails': channel(orgMemberIdsInputSchema, orgConfirmationDetailsOutputSchema),
  'org.members.confirm': channel(membersConfirmInputSchema, orgBulkResultSchema),
  'org.members.update': channel(memberUpdateInputSchema, emptySchema),
  'org.members.revoke': channel(orgMemberIdsInputSchema, orgBulkResultSchema),
  'org.members.restore': channel(orgMemberIdsInputSchema, orgBulkResultSchema),
  'org.members.remove': channel(orgMemberIdsInputSchema, orgBulkResultSchema),
  // Groups (groups.ts).
  'org.groups.list': channel(orgInputSchema, groupsListOutputSchema),
  'org.groups.create': channel(groupCreateInputSchema, groupOutputSchema),
  'org.groups.update': channel(groupUpdateInputSchema, groupOutputSchema),
  'org.groups.delete': channel(groupsDeleteInputSchema, orgDeletedOutputSchema),
  // Collections (collections.ts): names decrypted and encrypted in main.
  'org.collections.list': channel(collectionsListInputSchema, collectionsListOutputSchema),
  'org.collections.create': channel(collectionCreateInputSchema, collectionOutputSchema),
  'org.collections.update': channel(collectionUpdateInputSchema, collectionOutputSchema),
  'org.collections.delete': channel(collectionsDeleteInputSchema, orgDeletedOutputSchema),
  // Policies (policies.ts).
  'org.policies.list': channel(orgInputSchema, policiesListOutputSchema),
  'org.policies.update': channel(policyUpdateInputSchema, policyOutputSchema),
  // SSO (sso.ts).
  'org.sso.get': channel(orgInputSchema, ssoOutputSchema),
  'org.sso.save': channel(ssoSaveInputSchema, ssoOutputSchema),
  // Import (import.ts): progress arrives as `org.import.progress`.
  'org.import.preview': channel(importInputSchema, importPreviewOutputSchema),
  'org.import.run': channel(importRunInputSchema, importRunOutputSchema),
} as const;

export const clientOrgPushEvents = {
  /** An `org.import.run` parsed the file, sent a batch, finished or failed. */
  'org.import.progress': importProgressSchema,
} as const;
