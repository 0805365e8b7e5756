// GET /api/config (anonymous; bitwarden-accounts.md §3.6).
import type { RouteModule } from '../../context';

export const SERVER_VERSION = '2026.8.0';

const config: RouteModule = (app, ctx) => {
  app.get('/config', { config: { anonymous: true } }, async () => {
    const base = ctx.baseUrl();
    return {
      object: 'config',
      version: SERVER_VERSION,
      gitHash: 'providerdesk',
      server: { name: 'Provider Desk', url: base },
      environment: {
        cloudRegion: null,
        vault: base,
        api: `${base}/api`,
        identity: `${base}/identity`,
        notifications: `${base}/notifications`,
        sso: `${base}/sso`,
      },
      featureStates: {},
      push: { pushTechnology: 0, vapidPublicKey: null },
      communication: null,
      settings: { disableUserRegistration: ctx.config.disableUserRegistration, suppressOnboardingInterstitials: false },
    };
  });
};

export default config;
