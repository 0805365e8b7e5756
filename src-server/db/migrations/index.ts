// The one migration set, in order. Add a file per change (`002_providers.ts`, …) and list it here;
// never edit a migration that has shipped.
import type { Migration } from 'kysely';
import * as m001 from './001_core';
import * as m002 from './002_org_admin';
import * as m003 from './003_providers';
import * as m004 from './004_seat_counts';
import * as m005 from './005_sessions';
import * as m006 from './006_keys_at_rest';

export const migrations: Record<string, Migration> = {
  '001_core': m001,
  '002_org_admin': m002,
  '003_providers': m003,
  '004_seat_counts': m004,
  '005_sessions': m005,
  '006_keys_at_rest': m006,
};
