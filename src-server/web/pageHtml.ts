// Server-made HTML for the join pages' edges: the friendly 404 and the "not built" 503. No script, no inline style
// (the CSP forbids both): they link one small stylesheet the server owns, in the app's colours.

export const FALLBACK_CSS = `:root{color-scheme:light dark;--bg:light-dark(#f4f6f8,#14171b);--surface:light-dark(#fff,#1c2026);--border:light-dark(#d3d9e0,#323943);--text:light-dark(#1a1f25,#e3e7ec);--muted:light-dark(#4f5a66,#a2acb8);--accent:light-dark(#1553c7,#7aa7ff)}
body{margin:0;background:var(--bg);color:var(--text);font:14px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,Ubuntu,Cantarell,'Noto Sans',Arial,sans-serif}
main{max-width:30rem;margin:2.5rem auto;padding:1.5rem;border:1px solid var(--border);border-radius:10px;background:var(--surface)}
h1{margin:0 0 .75rem;font-size:1.45rem;font-weight:600}p{margin:.5rem 0;color:var(--muted)}a{color:var(--accent)}code{font-family:ui-monospace,Menlo,Consolas,monospace}`;

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function page(title: string, paragraphs: string[]): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark"><title>${escape(title)} — Provider Desk</title>
<link rel="stylesheet" href="/join/fallback.css"></head>
<body><main><h1>${escape(title)}</h1>${paragraphs.map((p) => `<p>${p}</p>`).join('')}</main></body></html>`;
}

export const notFoundHtml = () =>
  page('Page not found', [
    'There is no page at this address on this Provider Desk server.',
    'If you followed a link from an email, open it again from the email: links must be used whole.',
  ]);

export const notBuiltHtml = () =>
  page('These pages are not built yet', [
    'This Provider Desk server cannot show its sign-up and invitation pages because they have not been built.',
    'Whoever runs the server: run <code>npm run build</code> in the Provider Desk folder, then reload this page.',
  ]);
