/**
 * The per-client admin console (issue 8), built once by `createDesk`: members, groups, collections, policies,
 * SSO, import, subscription and license of one client org at a time, each area in its own file over one context.
 */
import { createCollectionsService } from './collections';
import { createGroupsService } from './groups';
import { clientOrgHandlers } from './handlers';
import { createImportService } from './importer';
import { createMemberConfirmService } from './memberConfirm';
import { createMemberLifecycleService } from './memberLifecycle';
import { createMembersService } from './members';
import { createOrgContext, type ClientOrgDeps } from './orgContext';
import { createOverviewService } from './overview';
import { createPoliciesService } from './policies';
import { createSsoService } from './sso';

export type { ClientOrgDeps } from './orgContext';

export function createClientOrg(deps: ClientOrgDeps) {
  const ctx = createOrgContext(deps);
  return {
    handlers: clientOrgHandlers({
      overview: createOverviewService(ctx),
      members: createMembersService(ctx),
      confirm: createMemberConfirmService(ctx),
      lifecycle: createMemberLifecycleService(ctx),
      groups: createGroupsService(ctx),
      collections: createCollectionsService(ctx),
      policies: createPoliciesService(ctx),
      sso: createSsoService(ctx),
      importer: createImportService(ctx),
    }),
  };
}
