/**
 * Who and what an event names, for the list: acting users from the provider's members and the members of clients
 * opened on this device, clients from the cached client list, groups and collections of opened clients. Anything
 * not known falls back to short ids, as the web vault does.
 */
import { eventMessage, type EventSubject } from '$shared/events/eventMessages';
import type { EventActor } from '$shared/events/eventCsv';
import type { ProviderEvent } from '$shared/contract/sync';

export interface DirectoryPerson {
  /** Account (user) id: what `actingUserId` holds. */
  userId: string | null;
  /** Membership id: provider user or organization user. */
  id: string;
  name: string | null;
  email: string | null;
}

export interface DirectoryClient {
  /** ProviderOrganization id. */
  id: string;
  organizationId: string;
  name: string | null;
}

/** A group or collection of an opened client, by id. */
export interface DirectoryThing {
  id: string;
  name: string;
}

const systemUsers: Record<number, string> = {
  1: 'SCIM',
  2: 'Domain verification',
  3: 'Public API',
  4: 'Two-step login policy',
  5: 'Bitwarden portal',
};

export class EventDirectory {
  readonly #byUserId = new Map<string, DirectoryPerson>();
  readonly #byMemberId = new Map<string, DirectoryPerson>();
  readonly #byProviderOrg = new Map<string, DirectoryClient>();
  readonly #byOrg = new Map<string, DirectoryClient>();
  readonly #groups = new Map<string, string>();
  readonly #collections = new Map<string, string>();

  constructor(
    people: readonly DirectoryPerson[],
    clients: readonly DirectoryClient[],
    named: { groups?: readonly DirectoryThing[]; collections?: readonly DirectoryThing[] } = {},
  ) {
    for (const group of named.groups ?? []) this.#groups.set(group.id, group.name);
    for (const collection of named.collections ?? []) this.#collections.set(collection.id, collection.name);
    for (const person of people) {
      if (person.userId && !this.#byUserId.has(person.userId)) this.#byUserId.set(person.userId, person);
      this.#byMemberId.set(person.id, person);
    }
    for (const client of clients) {
      this.#byProviderOrg.set(client.id, client);
      this.#byOrg.set(client.organizationId, client);
    }
  }

  /** People who can act, for the actor filter: by name, each once. */
  actors(): DirectoryPerson[] {
    return [...this.#byUserId.values()].sort((a, b) => personLabel(a).localeCompare(personLabel(b)));
  }

  /** The acting person, or null when not known. */
  actor(event: Pick<ProviderEvent, 'actingUserId'>): EventActor | null {
    const person = event.actingUserId ? this.#byUserId.get(event.actingUserId) : undefined;
    return person ? { name: person.name, email: person.email } : null;
  }

  /** The acting user as the list shows it: name, email, a system user, or `Unknown`. */
  actorLabel(event: Pick<ProviderEvent, 'actingUserId' | 'systemUser'>): string {
    const actor = this.actor(event);
    if (actor) return actor.name || actor.email || 'Unknown';
    if (event.systemUser && systemUsers[event.systemUser]) return systemUsers[event.systemUser]!;
    return event.actingUserId ? `User ${event.actingUserId.slice(0, 8)}` : 'Unknown';
  }

  client(event: Pick<ProviderEvent, 'providerOrganizationId' | 'organizationId'>): DirectoryClient | null {
    return (
      (event.providerOrganizationId && this.#byProviderOrg.get(event.providerOrganizationId)) ||
      (event.organizationId && this.#byOrg.get(event.organizationId)) ||
      null
    );
  }

  /** The provider-organization ids of the client with this organization id (what `concerns` also matches). */
  providerOrganizationIds(organizationId: string): string[] {
    const ids: string[] = [];
    for (const [id, client] of this.#byProviderOrg) if (client.organizationId === organizationId) ids.push(id);
    return ids;
  }

  /** Whether the event concerns the client with this organization id. */
  concerns(event: Pick<ProviderEvent, 'providerOrganizationId' | 'organizationId'>, organizationId: string): boolean {
    return event.organizationId === organizationId || this.client(event)?.organizationId === organizationId;
  }

  /** The message with names where they are known. */
  message(event: ProviderEvent): string {
    return eventMessage(event, (subject, id) => this.#subjectName(subject, id));
  }

  #subjectName(subject: EventSubject, id: string): string | null {
    if (subject === 'providerUser' || subject === 'orgUser') {
      const person = this.#byMemberId.get(id);
      return person ? personLabel(person) : null;
    }
    if (subject === 'providerOrg') return this.#byProviderOrg.get(id)?.name ?? null;
    if (subject === 'group') return this.#groups.get(id) ?? null;
    if (subject === 'collection') return this.#collections.get(id) ?? null;
    return null;
  }
}

export function personLabel(person: Pick<DirectoryPerson, 'name' | 'email' | 'userId'>): string {
  return person.name || person.email || person.userId || 'Unknown';
}
