import { startHarness, openPanel, loadState } from '/work/main/test/webview/harness';
(async () => {
  const h = await startHarness();
  try {
    const [name, theme] = process.argv.slice(2) as [string, any];
    const p = await openPanel(h, { state: loadState(name), theme });
    const height = await p.page.evaluate(() => document.documentElement.scrollHeight);
    for (let y = 0, i = 0; y < height; y += 900, i++) {
      await p.page.screenshot({ path: `/tmp/shot-${i}.png`, fullPage: true, clip: { x: 0, y, width: 460, height: Math.min(900, height - y) } });
    }
    console.log('height', height, 'errors', p.errors);
  } finally { await h.close(); }
})();
