// POST /identity/connect/token (bitwarden-api.md §3.2–3.8): password, refresh_token and client_credentials grants.
import type { RouteModule } from '../../context';
import { ApiError } from '../../http/errors';
import { clientCredentialsGrant } from './clientCredentialsGrant';
import { passwordGrant } from './passwordGrant';
import { refreshGrant } from './refreshGrant';
import { TokenForm } from './tokenRequest';

const token: RouteModule = (app, ctx) => {
  app.post('/connect/token', async (request, reply) => {
    if (!String(request.headers['content-type'] ?? '').includes('application/x-www-form-urlencoded')) {
      throw new ApiError(400, { error: 'invalid_request', error_description: 'Form body expected.' });
    }
    const form = new TokenForm(request.body);
    reply.header('cache-control', 'no-store').header('pragma', 'no-cache');
    switch (form.get('grant_type')) {
      case 'password':
        return passwordGrant(ctx, request, form);
      case 'refresh_token':
        return refreshGrant(ctx, form);
      case 'client_credentials':
        return clientCredentialsGrant(ctx, request, form);
      default:
        throw new ApiError(400, { error: 'unsupported_grant_type' });
    }
  });
};

export default token;
