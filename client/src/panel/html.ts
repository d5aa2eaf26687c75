/**
 * The placement page's HTML shell. Pure (the test harness builds the same page): everything
 * dynamic is rendered by panel.js with textContent; this shell holds no data, only the CSP,
 * the stylesheets and the script. The URIs are the webview's (asWebviewUri) in VS Code.
 */
export interface PageResources {
  /** webview.cspSource */
  cspSource: string;
  nonce: string;
  scriptUri: string;
  styleUri: string;
  codiconsUri: string;
  /** document language (vscode.env.language) */
  lang: string;
  title: string;
}

function attr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function pageHtml(r: PageResources): string {
  const csp = ["default-src 'none'", `style-src ${r.cspSource}`, `font-src ${r.cspSource}`, `img-src ${r.cspSource}`, `script-src 'nonce-${r.nonce}'`].join(
    '; ',
  );
  return `<!DOCTYPE html>
<html lang="${attr(r.lang)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${attr(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link href="${attr(r.codiconsUri)}" rel="stylesheet" id="vscode-codicon-stylesheet">
<link href="${attr(r.styleUri)}" rel="stylesheet">
<title>${attr(r.title)}</title>
</head>
<body>
<div id="app" aria-busy="true"></div>
<script nonce="${attr(r.nonce)}" src="${attr(r.scriptUri)}"></script>
</body>
</html>`;
}

/** A nonce for the CSP: 32 characters from a CSPRNG-backed source passed in by the caller. */
export function makeNonce(randomBytes: (n: number) => Uint8Array): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  return Array.from(randomBytes(32), (b) => alphabet[b % alphabet.length]).join('');
}
