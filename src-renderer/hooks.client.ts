import type { HandleClientError } from '@sveltejs/kit';

/**
 * A link to a page that does not exist is not a fault of the app: the error page says so, and the console stays
 * clean. Anything else is logged, and the person sees a plain message rather than internals.
 */
export const handleError: HandleClientError = ({ error, status, message }) => {
  if (status === 404) return { message };
  console.error(error);
  return { message: 'An unexpected error stopped this page.' };
};
