// The browser shell cannot be crashed by what a local process sends (issue 13, item 5): garbage frames before any
// launch token, a message over the size limit after it, a raw socket cut mid-handshake. After each, the shell still
// serves its page and a new tab still gets a session.
import { connect, type Socket } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { WebShell } from '../../../../src-main/app/webShell';
import { startTestShell, tokenOf } from './webShellHarness';

let shell: WebShell;
let logged: string[];
const LIMIT = 4096;

beforeEach(async () => {
  logged = [];
  shell = await startTestShell({ maxMessageBytes: LIMIT, log: (line) => logged.push(line) });
});

afterEach(() => shell.close());

function open(): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${shell.port}/desk`, { headers: { Origin: shell.origin } });
    ws.on('error', () => {});
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', () => reject(new Error('refused')));
  });
}

const closed = (ws: WebSocket) => new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));

/** Still alive: the page is served and a fresh launch token is exchanged for a session. */
async function stillServing() {
  const page = await fetch(`${shell.origin}/`);
  expect(page.status).toBe(200);
  const ws = await open();
  const welcome = new Promise<string>((resolve) => ws.once('message', (data) => resolve(String(data))));
  ws.send(JSON.stringify({ type: 'hello', launchToken: tokenOf(shell.launchUrl()) }));
  expect(JSON.parse(await welcome)).toMatchObject({ type: 'welcome' });
  ws.close();
}

describe('browser shell under garbage', () => {
  it('survives a malformed 14-byte frame sent before any launch token', async () => {
    const ws = await open();
    const code = closed(ws);
    // RSV bits set, a reserved opcode, a masked 8-byte body: not a frame any client sends.
    const socket = (ws as unknown as { _socket: Socket })._socket;
    socket.write(Buffer.from([0xf3, 0x88, 1, 2, 3, 4, 9, 9, 9, 9, 9, 9, 9, 9]));
    expect(await code).toBe(1002);
    await stillServing();
    expect(logged.join('\n')).toMatch(/closed a connection that sent a bad message \(WS_ERR_/);
  });

  it('closes a socket whose message is over the limit with 1009, and keeps serving', async () => {
    const ws = await open();
    const code = closed(ws);
    ws.send(JSON.stringify({ type: 'hello', launchToken: 'x'.repeat(LIMIT * 2) }));
    expect(await code).toBe(1009);
    await stillServing();
  });

  it('survives sockets that are cut during the upgrade and bytes that are not HTTP', async () => {
    for (const bytes of [
      `GET /desk HTTP/1.1\r\nHost: 127.0.0.1:${shell.port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n`,
      '\u0000\u0001\u0002 not http at all\r\n\r\n',
    ]) {
      await new Promise<void>((resolve) => {
        const socket = connect(shell.port, '127.0.0.1', () => {
          socket.write(bytes);
          socket.destroy();
          resolve();
        });
        socket.on('error', () => resolve());
      });
    }
    // Garbage after a good session, too: the shell answers the next tab.
    const ws = await open();
    ws.send(JSON.stringify({ type: 'hello', launchToken: tokenOf(shell.launchUrl()) }));
    ws.send('{"type":"call","id":1,"channel":');
    ws.send(Buffer.from([0xff, 0xfe, 0x00]));
    ws.close();
    await stillServing();
  });
});
