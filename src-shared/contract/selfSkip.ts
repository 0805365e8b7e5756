/**
 * A bulk row left out because it is the caller's own membership. The server refuses to remove you, and with you in
 * the request its "an admin (owner) must remain" check counts you as leaving and can refuse every row; so main
 * skips your row before asking, and the result says so.
 */
export const SELF_SKIPPED = 'Skipped: this is you, and you cannot remove yourself.';

export const isSelfSkipped = (error: string | null | undefined): boolean => error === SELF_SKIPPED;
