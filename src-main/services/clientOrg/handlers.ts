/** The `org.*` channels (src-shared/contract/clientOrg/) bound to their services. */
import type { ChannelInput, ChannelOutput } from '../../../src-shared/contract';
import type { Handler } from '../../desk';
import type { OrgChannel, OrgIn } from './channelTypes';
import type { createCollectionsService } from './collections';
import type { createGroupsService } from './groups';
import type { createImportService } from './importer';
import type { createMemberConfirmService } from './memberConfirm';
import type { createMemberLifecycleService } from './memberLifecycle';
import type { createMembersService } from './members';
import type { createOverviewService } from './overview';
import type { createPoliciesService } from './policies';
import type { createSsoService } from './sso';

export interface ClientOrgServices {
  overview: ReturnType<typeof createOverviewService>;
  members: ReturnType<typeof createMembersService>;
  confirm: ReturnType<typeof createMemberConfirmService>;
  lifecycle: ReturnType<typeof createMemberLifecycleService>;
  groups: ReturnType<typeof createGroupsService>;
  collections: ReturnType<typeof createCollectionsService>;
  policies: ReturnType<typeof createPoliciesService>;
  sso: ReturnType<typeof createSsoService>;
  importer: ReturnType<typeof createImportService>;
}

/** `dispatch` parsed the input with the channel's schema before the handler runs. */
const parsed =
  <C extends OrgChannel>(run: (input: OrgIn<C>) => Promise<ChannelOutput<C>>) =>
  (input: ChannelInput<C>) =>
    run(input as OrgIn<C>);

export function clientOrgHandlers(s: ClientOrgServices): { [C in OrgChannel]: Handler<C> } {
  return {
    'org.overview': parsed<'org.overview'>(s.overview.overview),
    'org.subscription': parsed<'org.subscription'>(s.overview.subscription),
    'org.license.download': parsed<'org.license.download'>(s.overview.license),
    'org.members.list': parsed<'org.members.list'>(s.members.list),
    'org.members.invite': parsed<'org.members.invite'>(s.members.invite),
    'org.members.reinvite': parsed<'org.members.reinvite'>(s.lifecycle.reinvite),
    'org.members.confirmationDetails': parsed<'org.members.confirmationDetails'>(s.confirm.confirmationDetails),
    'org.members.confirm': parsed<'org.members.confirm'>(s.confirm.confirm),
    'org.members.update': parsed<'org.members.update'>(s.members.update),
    'org.members.revoke': parsed<'org.members.revoke'>(s.lifecycle.revoke),
    'org.members.restore': parsed<'org.members.restore'>(s.lifecycle.restore),
    'org.members.remove': parsed<'org.members.remove'>(s.lifecycle.remove),
    'org.groups.list': parsed<'org.groups.list'>(s.groups.list),
    'org.groups.create': parsed<'org.groups.create'>(s.groups.create),
    'org.groups.update': parsed<'org.groups.update'>(s.groups.update),
    'org.groups.delete': parsed<'org.groups.delete'>(s.groups.remove),
    'org.collections.list': parsed<'org.collections.list'>(s.collections.list),
    'org.collections.create': parsed<'org.collections.create'>(s.collections.create),
    'org.collections.update': parsed<'org.collections.update'>(s.collections.update),
    'org.collections.delete': parsed<'org.collections.delete'>(s.collections.remove),
    'org.policies.list': parsed<'org.policies.list'>(s.policies.list),
    'org.policies.update': parsed<'org.policies.update'>(s.policies.update),
    'org.sso.get': parsed<'org.sso.get'>(s.sso.get),
    'org.sso.save': parsed<'org.sso.save'>(s.sso.save),
    'org.import.preview': parsed<'org.import.preview'>(s.importer.preview),
    'org.import.run': parsed<'org.import.run'>(s.importer.run),
  };
}
