// Routes under `/api`. Each module is one file under `routes/api/` (or a folder with its own index);
// add yours to this list. Every route here needs a bearer token unless declared `config: { anonymous: true }`.
import type { RouteModule } from '../../context';
import accounts from './accounts';
import alive from './alive';
import collections from './collections';
import config from './config';
import groups from './groups';
import imports from './imports';
import license from './license';
import organizationEvents from './organizationEvents';
import organizations from './organizations';
import providers from './providers/index';
import organizationUsers from './organizationUsers/index';
import policies from './policies';
import sso from './sso';
import sync from './sync';
import twoFactor from './twoFactor';

export const apiModules: RouteModule[] = [
  alive,
  config,
  accounts,
  sync,
  twoFactor,
  organizations,
  organizationUsers,
  collections,
  groups,
  policies,
  sso,
  imports,
  license,
  organizationEvents,
  providers,
];
