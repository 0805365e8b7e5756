// Routes under `/api`. Each module is one file under `routes/api/` (or a folder with its own index);
// add yours to this list. Every route here needs a bearer token unless declared `config: { anonymous: true }`.
import type { RouteModule } from '../../context';
import accounts from './accounts';
import collections from './collections';
import config from './config';
import organizations from './organizations';
import organizationUsers from './organizationUsers/index';
import sync from './sync';
import twoFactor from './twoFactor';

export const apiModules: RouteModule[] = [config, accounts, sync, twoFactor, organizations, organizationUsers, collections];
