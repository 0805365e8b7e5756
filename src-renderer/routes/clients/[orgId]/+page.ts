import { redirect } from '@sveltejs/kit';
import { resolve } from '$app/paths';

/** A client's console opens on its members. */
export function load({ params }: { params: { orgId: string } }) {
  redirect(307, resolve('/clients/[orgId]/members', { orgId: params.orgId }));
}
