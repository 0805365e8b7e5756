import { z } from 'zod';
import {
  channels,
  DeskError,
  isChannelName,
  pushEvents,
  type ChannelName,
  type DeskErrorPayload,
  type Envelope,
  type PushEventName,
} from '../../src-shared/contract';
import type { Desk, Handler } from '../desk';

/**
 * The single path every bridge call takes, whichever shell carried it: refuse unknown channels, parse the input,
 * run the service, parse the output, and turn any failure into a `{ code, message }` envelope.
 */
export async function dispatch(desk: Desk, channel: unknown, rawInput: unknown): Promise<Envelope<unknown>> {
  if (!isChannelName(channel)) {
    return failure({ code: 'not_found', message: `Unknown channel: ${describe(channel)}` });
  }
  const contract = channels[channel];
  const input = contract.input.safeParse(rawInput);
  if (!input.success) {
    return failure({ code: 'validation', message: formatIssues(input.error) });
  }
  try {
    const handler = desk.handlers[channel] as Handler<ChannelName>;
    const result = await handler(input.data as never);
    const output = contract.output.safeParse(result);
    if (!output.success) {
      reportInternal(channel, new Error(`output of ${channel} broke the contract: ${formatIssues(output.error)}`));
      return failure({ code: 'internal', message: 'Provider Desk produced an unexpected answer. Please try again.' });
    }
    return { ok: true, result: output.data };
  } catch (error) {
    return failure(errorPayload(channel, error));
  }
}

/** Validates a push event's payload before it leaves main; a broken payload is dropped, not sent. */
export function parsePushPayload(event: PushEventName, payload: unknown): unknown | undefined {
  const parsed = pushEvents[event].safeParse(payload);
  if (parsed.success) return parsed.data;
  reportInternal(event, new Error(`push event ${event} broke the contract: ${formatIssues(parsed.error)}`));
  return undefined;
}

export function formatIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');
}

function errorPayload(channel: string, error: unknown): DeskErrorPayload {
  if (error instanceof DeskError) return { code: error.code, message: error.message };
  if (error instanceof z.ZodError) return { code: 'validation', message: formatIssues(error) };
  reportInternal(channel, error);
  return { code: 'internal', message: 'Something went wrong in Provider Desk. Please try again.' };
}

function failure(error: DeskErrorPayload): Envelope<never> {
  return { ok: false, error };
}

function describe(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value.slice(0, 80)) : typeof value;
}

// Internal errors are logged by name and message only: inputs may hold secrets and are never logged.
function reportInternal(channel: string, error: unknown) {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  console.error(`[desk] ${channel}: ${text}`);
}
