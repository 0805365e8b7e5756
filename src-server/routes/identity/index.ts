// Routes under `/identity` (the identity service). No bearer auth on this scope.
import type { RouteModule } from '../../context';
import prelogin from './prelogin';
import register from './register';
import token from './token';

export const identityModules: RouteModule[] = [prelogin, register, token];
