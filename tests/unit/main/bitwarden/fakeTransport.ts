// A scripted transport for unit tests: answers in order and records every request.
import type { Transport, TransportRequest, TransportResponse } from '../../../../src-main/bitwarden/http';

export type Answer = TransportResponse | Error | ((request: TransportRequest) => TransportResponse | Error);

export function json(status: number, body: unknown, headers: Record<string, string> = {}): TransportResponse {
  return {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
    text: body === undefined ? '' : JSON.stringify(body),
  };
}

export function networkFailure(code: string): Error {
  return Object.assign(new Error(`connect ${code}`), { code });
}

export function scripted(answers: Answer[]): Transport & { requests: TransportRequest[] } {
  const requests: TransportRequest[] = [];
  const transport = async (request: TransportRequest) => {
    requests.push(request);
    const next = answers.shift();
    if (!next) throw new Error(`no scripted answer for ${request.method} ${request.url}`);
    const answer = typeof next === 'function' ? next(request) : next;
    if (answer instanceof Error) throw answer;
    return answer;
  };
  return Object.assign(transport, { requests });
}
