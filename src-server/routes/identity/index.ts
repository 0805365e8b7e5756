// Routes under `/identity` (the identity service). No bearer auth on this scope.
import type { RouteModule } from '../../context';
import prelogin from './prelogin';

export const identityModules: RouteModule[] = [prelogin];
