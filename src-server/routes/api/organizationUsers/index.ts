// Organization members (bitwarden-api.md §7.3, bitwarden-accounts.md §6.1): one module, one file per concern.
import type { RouteModule } from '../../../context';
import accept from './accept';
import confirm from './confirm';
import edit from './edit';
import invite from './invite';
import lifecycle from './lifecycle';
import list from './list';

const organizationUsers: RouteModule = async (app, ctx) => {
  for (const register of [list, invite, accept, confirm, edit, lifecycle]) await register(app, ctx);
};

export default organizationUsers;
