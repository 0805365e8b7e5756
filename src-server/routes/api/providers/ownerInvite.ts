// Mails the invitation of a new client org's owner (after the transaction that created the org), with the same
// token and mail as the org members routes (domain/invites.ts).
import type { FastifyBaseLogger } from 'fastify';
import type { ServerContext } from '../../../context';
import { sendInvites } from '../../../domain/invites';
import type { CreatedClient } from '../../../domain/providers/clients';

export async function sendOwnerInvite(ctx: ServerContext, log: FastifyBaseLogger, c: CreatedClient): Promise<void> {
  await sendInvites(ctx, log, c.org, [
    { orgUserId: c.ownerOrgUserId, email: c.ownerEmail, hasAccount: c.ownerHasAccount },
  ]);
}
