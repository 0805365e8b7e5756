/**
 * Inviting into a client that has run out of seats. The server answers as it would a client's own admin ("contact
 * your provider"), but here the reader is the provider, who can add the seats: main says how many remain and the
 * invite dialog offers Manage seats.
 */

/** The server's refusal, for provider-managed and other orgs alike (bitwarden-api.md §7.3). */
export const isServerSeatLimit = (message: string): boolean => message.startsWith('Seat limit has been reached');

const seats = (n: number) => `${n.toLocaleString('en-US')} seat${n === 1 ? '' : 's'}`;

export function overSeatsMessage(remaining: number, inviting: number): string {
  const left = remaining > 0 ? `only ${seats(remaining)} left` : 'no seats left';
  const people = `${inviting.toLocaleString('en-US')} ${inviting === 1 ? 'person' : 'people'}`;
  return `This client has ${left}, and inviting ${people} needs ${seats(inviting)}. Add seats with Manage seats, then invite again.`;
}

export const isOverSeatsMessage = (message: string): boolean =>
  /^This client has (only [\d,]+ seats? left|no seats left), and inviting /.test(message);
