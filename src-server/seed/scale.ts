// `npm run server -- seed-scale [--clients 5000] [--events 1000000]`: benchmark data. One provider whose admin is a
// real account (registered and set up through the server's own routes with real client crypto and the default KDF),
// N client orgs and M events over 90 days, written with chunked multi-row INSERTs in transactions.
//
// Key material: every client gets its own org key (wrapped by the provider key, as the portal does); the org RSA key
// pairs come from a small pool generated once (RSA generation is the slow part), each private key encrypted under
// the org's own key. Client members and technicians other than the admin are accounts without a master password
// (they cannot log in); their public key comes from the pool and Confirmed memberships carry the org key wrapped to
// it. So every EncString is well-formed and opens with the right key: the admin → provider key → org keys →
// collection names and org private keys.
//
// Not idempotent by design: a database that holds the scale data already is left alone (the accounts are printed
// again); a database where an earlier run stopped part-way is refused (seed a fresh one).
import { randomBytes, randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import {
  decryptPrivateKey,
  decryptToString,
  encryptToString,
  generateSymmetricKey,
  makeProviderSetup,
  rsaEncapsulate,
  rsaGenerateKeyPair,
  unwrapSymmetricKey,
  wrapSymmetricKey,
} from '../../src-main/crypto/index';
import { createServer, type ProviderDeskServer } from '../app';
import type { ServerConfigInput } from '../config';
import type { ServerContext } from '../context';
import { sqlitePath } from '../db/database';
import type { Database } from '../db/schema';
import { htmlEncode } from '../domain/htmlNames';
import { planFor } from '../domain/plans';
import { bumpProviderUsers } from '../domain/providers/clients';
import { OrgStatus, ProviderType } from '../domain/providers/enums';
import { createPendingProvider } from '../domain/providers/lifecycle';
import { rescaleProviderPlans } from '../domain/providers/seats';
import { snapshotProviderSeats } from '../domain/providers/snapshots';
import type { Mailer } from '../mail/mailer';
import { openCommandContext } from './cliContext';
import { getMarker, setMarker } from './demoProvider';
import { postgresWriter, sqliteWriter } from './scaleBulk';
import { POLICIES, SCALE_ADMIN, SCALE_PROVIDER, scaleClients, scaleTechnicians, occupiedOf } from './scaleData';
import { seedEvents, type ClientRefs, type Technician } from './scaleEvents';
import { demoPassword, ensureAccount, SeedHttp } from './seedHttp';

type Row<T extends keyof Database> = Database[T];

export const SCALE_MARKER = 'scale:provider';
export const SCALE_DONE = 'scale:done';

export interface ScaleOptions {
  clients: number;
  events: number;
  log?: (line: string) => void;
  now?: number;
}

export interface ScaleSummary {
  providerId: string;
  admin: { email: string; password: string };
  clients: number;
  users: number;
  organizationUsers: number;
  events: number;
  providerEvents: number;
  rows: number;
  seconds: number;
  /** True when the database held the scale data already (nothing written). */
  existing: boolean;
}

const CLIENT_BATCH = 250;
const quietMailer: Mailer = { mode: 'outbox', send: async () => {} };
const iso = (ms: number) => new Date(ms).toISOString();
const secret = () => randomBytes(24).toString('base64url').slice(0, 30);

/** Seeds through an in-process server (the admin and provider through its routes, the rest in bulk). */
export async function seedScale(server: ProviderDeskServer, o: ScaleOptions): Promise<ScaleSummary> {
  const started = Date.now();
  const now = o.now ?? Date.now();
  const say = o.log ?? (() => {});
  const log = (line: string) => say(`${line} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  const ctx = server.ctx;
  const admin = { email: SCALE_ADMIN.email, password: demoPassword(ctx.keys.hmac, SCALE_ADMIN.email) };

  const done = await getMarker(ctx, SCALE_DONE);
  const existingProvider = await getMarker(ctx, SCALE_MARKER);
  if (done !== undefined && existingProvider) {
    const saved = JSON.parse(done ?? '{}') as Partial<ScaleSummary>;
    return {
      providerId: existingProvider,
      admin,
      clients: 0,
      users: 0,
      organizationUsers: 0,
      events: 0,
      providerEvents: 0,
      rows: 0,
      ...saved,
      seconds: 0,
      existing: true,
    };
  }
  if (existingProvider !== undefined) {
    throw new Error(
      `an earlier seed-scale stopped part-way (provider ${existingProvider}); seed-scale needs a fresh database (another --data-dir or --database-url)`,
    );
  }

  // 1. The admin and the provider, through the routes with real crypto.
  const http = new SeedHttp(server.app);
  const account = await ensureAccount(http, ctx, SCALE_ADMIN);
  const pending = await createPendingProvider(ctx.db, ctx.keys.hmac, ctx.config.providerBilling, {
    email: account.email,
    type: ProviderType.Msp,
    seatMinimums: SCALE_PROVIDER.seatMinimums,
  });
  const setup = makeProviderSetup(account.publicKey);
  await http.ok('POST', `/api/providers/${pending.provider.id}/setup`, {
    token: account.accessToken,
    json: {
      name: SCALE_PROVIDER.name,
      businessName: SCALE_PROVIDER.businessName,
      billingEmail: SCALE_PROVIDER.billingEmail,
      token: pending.token,
      key: setup.payload.key,
      paymentMethod: { type: 'card', token: 'scale-card' },
      billingAddress: {
        country: 'US',
        postalCode: '80202',
        line1: '1600 Glenarm Place',
        city: 'Denver',
        state: 'CO',
        taxId: { code: 'us_ein', value: '84-1234567' },
      },
    },
  });
  const providerId = pending.provider.id;
  const providerKey = setup.secrets.providerKey;
  await setMarker(ctx, SCALE_MARKER, providerId);
  log(`provider ${providerId} set up by ${account.email}`);

  // 2. Key pools (RSA generation is what costs): org key pairs and the members' key pair.
  const orgPairs = await Promise.all(Array.from({ length: 4 }, () => rsaGenerateKeyPair()));
  const memberPair = await rsaGenerateKeyPair();
  log('key pools ready');

  const kind = ctx.dbKind;
  const writer = kind === 'sqlite' ? sqliteWriter(sqlitePath(ctx.config)) : postgresWriter(ctx.db);
  const loaded = await (async () => {
    let rows = 0;
    let users = 0;
    let organizationUsers = 0;

    const userRow = (email: string, name: string, createdAt: number): Row<'users'> => ({
      id: randomUUID(),
      email,
      name,
      email_verified: 1,
      master_password_hash: null,
      master_password_hint: null,
      master_password_salt: null,
      culture: 'en-US',
      security_stamp: randomUUID(),
      key: null,
      public_key: memberPair.publicKey,
      private_key: null,
      signed_public_key: null,
      signature_key_pair: null,
      security_state: null,
      user_key_id: null,
      kdf: 0,
      kdf_iterations: 600_000,
      kdf_memory: null,
      kdf_parallelism: null,
      api_key: secret(),
      premium: 0,
      verify_devices: 1,
      force_password_reset: 0,
      avatar_color: null,
      two_factor_recovery_code: null,
      creation_date: iso(createdAt),
      revision_date: iso(createdAt),
      account_revision_date: iso(createdAt),
    });

    // 3. Technicians: provider users without a master password, Confirmed with the provider key wrapped to them.
    const techs: Technician[] = [];
    {
      const people = scaleTechnicians(o.clients);
      const userRows: Row<'users'>[] = [];
      const puRows: Row<'provider_users'>[] = [];
      const joined = now - 400 * 86_400_000;
      for (const p of people) {
        const u = userRow(p.email, p.name, joined);
        userRows.push(u);
        const pu: Row<'provider_users'> = {
          id: randomUUID(),
          provider_id: providerId,
          user_id: u.id,
          email: null,
          key: rsaEncapsulate(providerKey, memberPair.publicKey),
          type: p.type,
          status: 2,
          permissions: null,
          creation_date: iso(joined),
          revision_date: iso(joined),
        };
        puRows.push(pu);
        techs.push({ userId: u.id, providerUserId: pu.id });
      }
      const adminRow = await ctx.db
        .selectFrom('provider_users')
        .select('id')
        .where('provider_id', '=', providerId)
        .where('user_id', '=', account.id)
        .executeTakeFirstOrThrow();
      techs.unshift({ userId: account.id, providerUserId: adminRow.id });
      rows += await writer.write({ users: userRows, provider_users: puRows });
      users += userRows.length;
      log(`${people.length} technicians`);
    }

    // 4. Clients, in transactions of CLIENT_BATCH.
    const clients = scaleClients(o.clients, now);
    const refs: ClientRefs[] = [];
    const features = new Map<number, string>();
    for (const planType of [17, 19])
      features.set(planType, JSON.stringify({ ...planFor(planType)!.features, useSecretsManager: false }));
    const billingEmail = SCALE_PROVIDER.billingEmail;
    for (let b = 0; b < clients.length; b += CLIENT_BATCH) {
      const batch = clients.slice(b, b + CLIENT_BATCH);
      // Parents before children (foreign keys are enforced on both databases).
      const t = {
        users: [] as Row<'users'>[],
        organizations: [] as Row<'organizations'>[],
        organization_api_keys: [] as Row<'organization_api_keys'>[],
        provider_organizations: [] as Row<'provider_organizations'>[],
        organization_users: [] as Row<'organization_users'>[],
        collections: [] as Row<'collections'>[],
        collection_users: [] as Row<'collection_users'>[],
        groups: [] as Row<'groups'>[],
        group_users: [] as Row<'group_users'>[],
        policies: [] as Row<'policies'>[],
      };
      const push = <K extends keyof typeof t>(k: K, row: (typeof t)[K][number]) => (t[k] as object[]).push(row);
      for (const c of batch) {
        const plan = planFor(c.planType)!;
        const created = iso(c.createdAt);
        const orgKey = generateSymmetricKey();
        const pair = orgPairs[c.index % orgPairs.length]!;
        const orgId = randomUUID();
        const linkId = randomUUID();
        push('organizations', {
          id: orgId,
          identifier: null,
          name: htmlEncode(c.name),
          business_name: null,
          business_address1: null,
          business_address2: null,
          business_address3: null,
          business_country: null,
          business_tax_number: null,
          billing_email: billingEmail,
          plan_type: c.planType,
          seats: c.seats,
          max_autoscale_seats: null,
          max_collections: plan.maxCollections,
          max_storage_gb: plan.baseStorageGb,
          sm_seats: null,
          sm_service_accounts: null,
          max_autoscale_sm_seats: null,
          max_autoscale_sm_service_accounts: null,
          features: features.get(c.planType)!,
          status: OrgStatus.Managed,
          enabled: 1,
          public_key: pair.publicKey,
          private_key: encryptToString(pair.privateKey, orgKey),
          limit_collection_creation: 0,
          limit_collection_deletion: 0,
          limit_item_deletion: 0,
          allow_admin_access_to_all_collection_items: 1,
          license_key: secret(),
          creation_date: created,
          revision_date: created,
        } satisfies Row<'organizations'>);
        push('organization_api_keys', {
          id: randomUUID(),
          organization_id: orgId,
          type: 0,
          api_key: secret(),
          revision_date: created,
        } satisfies Row<'organization_api_keys'>);
        push('provider_organizations', {
          id: linkId,
          provider_id: providerId,
          organization_id: orgId,
          key: wrapSymmetricKey(orgKey, providerKey),
          settings: null,
          creation_date: created,
          revision_date: created,
        } satisfies Row<'provider_organizations'>);

        const memberKey = rsaEncapsulate(orgKey, memberPair.publicKey);
        const ref: ClientRefs = {
          c,
          orgId,
          linkId,
          createdAt: c.createdAt,
          orgUserIds: [],
          memberUserIds: [],
          collectionIds: [],
          groupIds: [],
          policyIds: [],
          ciphers: 8 + occupiedOf(c) * 3,
          ip: `192.0.2.${1 + (c.index % 254)}`,
        };
        const confirmedOrgUsers: string[] = [];
        for (const [k, m] of c.members.entries()) {
          const joined = c.createdAt + k * 3_600_000;
          const hasAccount = m.status !== 0;
          const u = hasAccount ? userRow(m.email, m.name, joined) : null;
          if (u) push('users', u);
          const id = randomUUID();
          push('organization_users', {
            id,
            organization_id: orgId,
            user_id: u?.id ?? null,
            email: u ? null : m.email,
            key: m.status === 2 || m.status === -1 ? memberKey : null,
            reset_password_key: null,
            type: m.type,
            status: m.status,
            external_id: null,
            access_secrets_manager: 0,
            access_pam: 0,
            permissions:
              m.type === 4
                ? JSON.stringify({
                    manageGroups: true,
                    accessEventLogs: true,
                    accessReports: true,
                    createNewCollections: true,
                  })
                : null,
            revocation_reason: m.status === -1 ? 0 : null,
            creation_date: iso(joined),
            revision_date: iso(joined),
          } satisfies Row<'organization_users'>);
          ref.orgUserIds.push(id);
          if (m.status === 2 && u) {
            ref.memberUserIds.push(u.id);
            confirmedOrgUsers.push(id);
          }
        }
        const owner = ref.orgUserIds[0]!;
        for (const [k, name] of c.collections.entries()) {
          const id = randomUUID();
          push('collections', {
            id,
            organization_id: orgId,
            name: encryptToString(name, orgKey),
            external_id: null,
            type: 0,
            default_user_collection_email: null,
            creation_date: created,
            revision_date: created,
          } satisfies Row<'collections'>);
          if (k === 0)
            push('collection_users', {
              collection_id: id,
              organization_user_id: owner,
              read_only: 0,
              hide_passwords: 0,
              manage: 1,
            } satisfies Row<'collection_users'>);
          ref.collectionIds.push(id);
        }
        for (const [g, name] of c.groups.entries()) {
          const id = randomUUID();
          push('groups', {
            id,
            organization_id: orgId,
            name,
            external_id: null,
            creation_date: created,
            revision_date: created,
          } satisfies Row<'groups'>);
          for (const [k, ou] of confirmedOrgUsers.entries())
            if (k % c.groups.length === g)
              push('group_users', { group_id: id, organization_user_id: ou } satisfies Row<'group_users'>);
          ref.groupIds.push(id);
        }
        for (const type of c.policies) {
          const id = randomUUID();
          const data = POLICIES.find(([t]) => t === type)![1];
          push('policies', {
            id,
            organization_id: orgId,
            type,
            enabled: 1,
            data: data === null ? null : JSON.stringify(data),
            creation_date: created,
            revision_date: created,
          } satisfies Row<'policies'>);
          ref.policyIds.push(id);
        }
        refs.push(ref);
      }
      rows += await writer.write(t);
      users += t.users.length;
      organizationUsers += t.organization_users.length;
      if ((b / CLIENT_BATCH) % 4 === 3 || b + CLIENT_BATCH >= clients.length)
        log(`${Math.min(b + CLIENT_BATCH, clients.length)} clients`);
    }

    // 5. Events, oldest day first, one transaction per day.
    const ev = await seedEvents(writer, { providerId, techs, refs, total: o.events, now, log });
    rows += ev.events;
    return { rows, users, organizationUsers, refs, clients, ev };
  })().finally(() => writer.close());
  const { rows, users, organizationUsers, refs, clients, ev } = loaded;

  // 6. Billing state as the routes leave it: plans scaled to the assigned seats, today's seat snapshot.
  await ctx.db.transaction().execute(async (trx) => {
    const provider = await trx
      .selectFrom('providers')
      .selectAll()
      .where('id', '=', providerId)
      .executeTakeFirstOrThrow();
    await trx
      .updateTable('providers')
      .set({ creation_date: iso(Math.min(...refs.map((r) => r.createdAt), now) - 30 * 86_400_000) })
      .where('id', '=', providerId)
      .execute();
    await rescaleProviderPlans(trx, provider);
    await snapshotProviderSeats(trx, providerId, undefined, new Date(now));
    await bumpProviderUsers(trx, providerId);
  });
  if (kind === 'postgres') await sql`analyze`.execute(ctx.db);
  log('billing state and statistics');

  // 7. Check one client's key chain as the desktop app would walk it.
  verifyKeyChain(await sampleClient(ctx, providerId), providerKey);

  const seconds = (Date.now() - started) / 1000;
  const summary: ScaleSummary = {
    providerId,
    admin,
    clients: clients.length,
    users: users + 1,
    organizationUsers,
    events: ev.events,
    providerEvents: ev.providerEvents,
    rows,
    seconds,
    existing: false,
  };
  await setMarker(
    ctx,
    SCALE_DONE,
    JSON.stringify({
      clients: summary.clients,
      users: summary.users,
      organizationUsers,
      events: ev.events,
      providerEvents: ev.providerEvents,
      rows,
    }),
  );
  return summary;
}

async function sampleClient(ctx: ServerContext, providerId: string) {
  return ctx.db
    .selectFrom('provider_organizations as po')
    .innerJoin('organizations as o', 'o.id', 'po.organization_id')
    .innerJoin('collections as c', 'c.organization_id', 'o.id')
    .select(['po.key', 'o.private_key', 'o.public_key', 'c.name as collection'])
    .where('po.provider_id', '=', providerId)
    .limit(1)
    .executeTakeFirstOrThrow();
}

function verifyKeyChain(
  row: { key: string | null; private_key: string | null; public_key: string | null; collection: string },
  providerKey: Uint8Array,
): void {
  const orgKey = unwrapSymmetricKey(row.key!, providerKey);
  decryptPrivateKey(row.private_key!, orgKey, row.public_key!);
  decryptToString(row.collection, orgKey);
}

/** The command: an in-process server on the configured database (no listener, no mail), then the summary. */
export async function runSeedScale(input: ServerConfigInput, o: { clients: number; events: number }): Promise<void> {
  const started = Date.now();
  const cmd = await openCommandContext(input);
  const baseUrl = cmd.baseUrl;
  const config = cmd.config;
  await cmd.close();
  const server = await createServer({ ...config, publicUrl: baseUrl, logLevel: 'warn' }, { mailer: quietMailer });
  try {
    console.log(
      `seed-scale: ${o.clients.toLocaleString('en-US')} clients, ${o.events.toLocaleString('en-US')} events on ${server.ctx.dbKind}`,
    );
    const s = await seedScale(server, { ...o, log: (line) => console.log(`seed-scale: ${line}`) });
    if (s.existing) {
      console.log(
        `\nThis database holds the scale data already (provider ${s.providerId}: ${s.clients.toLocaleString('en-US')} clients, ${s.events.toLocaleString('en-US')} events); nothing written.`,
      );
    } else {
      const seconds = (Date.now() - started) / 1000;
      console.log(
        `\n${SCALE_PROVIDER.name} (provider ${s.providerId}): ${s.clients.toLocaleString('en-US')} clients, ${s.organizationUsers.toLocaleString('en-US')} memberships, ${s.users.toLocaleString('en-US')} accounts, ${s.events.toLocaleString('en-US')} events (${s.providerEvents.toLocaleString('en-US')} on the provider log)`,
      );
      console.log(
        `${s.rows.toLocaleString('en-US')} rows written in ${s.seconds.toFixed(1)} s (${Math.round(s.rows / s.seconds).toLocaleString('en-US')} rows/s); seed-scale took ${seconds.toFixed(1)} s in all`,
      );
    }
    console.log(`\nProvider admin (log in at ${baseUrl} with any client):\n  ${s.admin.email}  ${s.admin.password}`);
  } finally {
    await server.close();
  }
}
