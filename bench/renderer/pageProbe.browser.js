/* global window, document, indexedDB, requestAnimationFrame, MutationObserver, IDBKeyRange */
// Installed into the page by bench/renderer/pageProbe.ts as text (not through tsx, whose name helpers do not exist
// in the page). Raw IndexedDB reads of the app's account cache and the paint clock; see pageProbe.ts.
(() => {
  let db = null;
  const request = (r) =>
    new Promise((ok, fail) => {
      r.onsuccess = () => ok(r.result);
      r.onerror = () => fail(r.error);
    });
  const cacheName = async () => {
    const names = (await indexedDB.databases()).map((d) => d.name ?? '');
    return names.find((n) => n.startsWith('provider-desk:')) ?? null;
  };
  const open = async () => {
    if (db) return db;
    const name = await cacheName();
    if (!name) return null;
    db = new Promise((ok, fail) => {
      const r = indexedDB.open(name);
      r.onsuccess = () => {
        // The app may delete or upgrade its database (log out): let it.
        r.result.onversionchange = () => {
          r.result.close();
          db = null;
        };
        ok(r.result);
      };
      r.onerror = () => fail(r.error);
    });
    return db;
  };
  const read = async (store, fn, fallback) => {
    const d = await open();
    if (!d || !d.objectStoreNames.contains(store)) return fallback;
    return request(fn(d.transaction(store, 'readonly').objectStore(store)));
  };

  // `count` copies of the scope's cached events under new keys (numbered from `offset`, so calls add up), dates
  // moved by up to ±12 h: the same shapes for every index. The sample of originals is read once.
  let sample = null;
  const topUp = async (scope, count, offset, chunk) => {
    const d = await open();
    if (!sample) {
      const range = IDBKeyRange.bound([scope, ''], [scope, '\uffff']);
      const index = d.transaction('events', 'readonly').objectStore('events').index('[scope+date]');
      sample = (await request(index.getAll(range, 20000))).filter((e) => !e.key.includes('~'));
    }
    for (let done = 0; done < count && sample.length;) {
      const n = Math.min(chunk, count - done);
      const tx = d.transaction('events', 'readwrite');
      const events = tx.objectStore('events');
      for (let i = 0; i < n; i++) {
        const copy = offset + done + i;
        const e = sample[copy % sample.length];
        const shift = (((copy * 7919) % 86400) - 43200) * 1000;
        events.put({ ...e, key: `${e.key}~${copy}`, date: new Date(Date.parse(e.date) + shift).toISOString() });
      }
      await new Promise((ok, fail) => {
        tx.oncomplete = ok;
        tx.onerror = () => fail(tx.error);
      });
      done += n;
    }
  };

  // The paint clock: an input's latency ends with the frame painted after the last DOM change it caused.
  const afterPaint = (done) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => done(performance.now());
      channel.port2.postMessage(null);
    });
  let inputs = [];
  let listen = null;
  let listenType = '';
  const observer = new MutationObserver(() => {
    const current = inputs.at(-1);
    if (current) afterPaint((t) => (current.painted = Math.max(current.painted ?? 0, t)));
  });

  window.__pdBench = {
    cacheName,
    count: (store) => read(store, (s) => s.count(), 0),
    scopes: () => read('eventScopes', (s) => s.getAll(), []),
    clients: (limit) => read('clients', (s) => s.getAll(null, limit), []),
    topUp,
    arm(type) {
      if (listen) window.removeEventListener(listenType, listen, true);
      inputs = [];
      listenType = type;
      listen = (e) => {
        const input = { at: e.timeStamp, painted: null };
        inputs.push(input);
        // An input that changes nothing still waits for its frame.
        afterPaint((t) => (input.painted = Math.max(input.painted ?? 0, t)));
      };
      window.addEventListener(type, listen, true);
      observer.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true });
    },
    collect() {
      if (listen) window.removeEventListener(listenType, listen, true);
      listen = null;
      observer.disconnect();
      return inputs.map((i) => (i.painted ?? NaN) - i.at);
    },
    firstRowChange(selector, timeoutMs) {
      const firstText = () => document.querySelector(selector)?.textContent ?? '';
      const before = firstText();
      const called = performance.now();
      const armedWith = inputs.length;
      return new Promise((ok, fail) => {
        const check = () => {
          const input = inputs.length > armedWith ? inputs.at(-1) : null;
          const now = firstText();
          if (input && now !== '' && now !== before) {
            const channel = new MessageChannel();
            channel.port1.onmessage = () => ok(performance.now() - input.at);
            channel.port2.postMessage(null);
          } else if (performance.now() - called > timeoutMs) {
            fail(new Error(`the first row of ${selector} did not change within ${timeoutMs} ms`));
          } else requestAnimationFrame(check);
        };
        requestAnimationFrame(check);
      });
    },
    until(selector, text, timeoutMs) {
      const called = performance.now();
      return new Promise((ok, fail) => {
        const check = () => {
          const found = [...document.querySelectorAll(selector)].some(
            (el) => text === null || (el.textContent ?? '').includes(text),
          );
          if (found) {
            const start = inputs.at(-1)?.at ?? called;
            const channel = new MessageChannel();
            channel.port1.onmessage = () => ok(performance.now() - start);
            channel.port2.postMessage(null);
          } else if (performance.now() - called > timeoutMs) {
            fail(new Error(`${selector}${text ? ` with "${text}"` : ''} did not appear within ${timeoutMs} ms`));
          } else requestAnimationFrame(check);
        };
        check();
      });
    },
  };
})();
