import { redirect } from '@sveltejs/kit';
import { resolve } from '$app/paths';

/** `#/` has no page of its own: the app opens on Clients. */
export function load() {
  redirect(307, resolve('/clients'));
}
