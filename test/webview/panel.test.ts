// The placement page in headless chromium over fixed placement data (fixtures computed by the
// real engine on the sample cluster): grouping, counts, filter, sort, escaping, footprint and
// rollout numbers, empty states, themes, keyboard, and updates that keep focus, scroll and the
// filter. Screenshots go to test-results/webview/ (FAILED-<test>.png when a test fails).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FromPage } from '../../client/src/panel/messages';
import type { PanelState } from '../../client/src/panel/model';
import { panelStrings } from '../../client/src/panel/strings';
import { englishStrings, loadState, openPanel, type Harness, type PanelPage, startHarness } from './harness';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { configureLocale } from '../../server/src/l10n';
import { largeState, stateFor } from '../fixtures/placement/generate';
import { compareNodes, groupNodes } from '../../client/src/webview/nodes';
import { repoRoot } from '../helpers/paths';
import { THEMES, type ThemeName } from './themes';

let harness: Harness;
before(async () => {
  harness = await startHarness();
});
after(async () => {
  await harness?.close();
});

/** Opens the page, runs the body, keeps a screenshot (FAILED-… on failure), closes the page. */
async function withPanel(name: string, opts: Parameters<typeof openPanel>[1], body: (p: PanelPage) => Promise<void>): Promise<void> {
  const p = await openPanel(harness, opts);
  try {
    await body(p);
    await p.shot(name);
    assert.deepEqual(p.errors, [], 'console errors (CSP violations included)');
    assert.deepEqual(p.dialogs, [], 'dialogs');
  } catch (e) {
    await p.shot(`FAILED-${name}`).catch(() => undefined);
    throw e;
  } finally {
    await p.page.close();
  }
}

const texts = (p: PanelPage, selector: string) => p.page.locator(selector).allTextContents();
const text = (p: PanelPage, selector: string) => p.page.locator(selector).first().textContent();
const nodeOrder = (p: PanelPage) => p.page.locator('.row').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.node!));

async function postedOf(p: PanelPage, type: FromPage['type']): Promise<FromPage[]> {
  await p.page.waitForFunction((t) => ((window as any).__posted as { type: string }[]).some((m) => m.type === t), type);
  return (await p.posted()).filter((m) => m.type === type);
}

describe('summary and grouping', () => {
  it('shows DESIRED/CURRENT/READY/MISSCHEDULED and counts per verdict like kubectl get ds', async () => {
    await withPanel('summary-node-agent', { state: loadState('node-agent') }, async (p) => {
      const stat = (k: string) => text(p, `.summary .stat[data-k="${k}"] .stat-value`);
      assert.equal(await stat('desired'), '9');
      assert.equal(await stat('current'), '0');
      assert.equal(await stat('ready'), '0');
      assert.equal(await stat('misscheduled'), '0');
      assert.equal(await stat('nodes'), '15');
      const count = (v: string) => text(p, `.summary .count[data-verdict="${v}"] .count-value`);
      assert.deepEqual([await count('runs'), await count('pending'), await count('excluded')], ['3', '6', '6']);
      assert.equal(await text(p, '.ds-name'), 'node-agent');
      assert.equal(await text(p, '.namespace'), 'monitoring');
      assert.equal(await text(p, '.inventory-name'), 'sample cluster');
    });
  });

  it('groups nodes by verdict then by the exact reasons, in Kubernetes wording', async () => {
    await withPanel('groups-node-agent', { state: loadState('node-agent') }, async (p) => {
      const groups = await p.page.locator('.groups > .group').evaluateAll((els) =>
        els.map((e) => ({
          verdict: (e as HTMLElement).dataset.verdict,
          title: e.querySelector('.group-title')!.textContent,
          count: Number(e.querySelector('.count-badge')!.textContent),
          rows: Array.from(e.querySelectorAll('.row')).map((r) => (r as HTMLElement).dataset.node),
        })),
      );
      assert.deepEqual(
        groups.map((g) => g.verdict),
        ['runs', 'pending', 'excluded', 'excluded', 'excluded', 'excluded'],
      );
      assert.deepEqual(groups[0], { verdict: 'runs', title: 'Runs', count: 3, rows: ['cp-1', 'cp-2', 'cp-3'] });
      // As kube-scheduler reports them: the first failing filter. worker-c-1 also lacks cpu and
      // memory, which the scheduler reports once the port is free (on its row).
      assert.equal(groups[1].title, "Pending · node(s) didn't have free ports for the requested pod ports");
      assert.deepEqual(groups[1].rows, ['arm-a-1', 'arm-b-1', 'worker-a-1', 'worker-b-1', 'worker-b-2', 'worker-c-1']);
      assert.deepEqual(await p.page.locator('.row[data-node="worker-c-1"] .later .reason-message').allTextContents(), [
        'Insufficient cpu',
        'Insufficient memory',
      ]);
      const excluded = groups.slice(2);
      assert.deepEqual(
        excluded.map((g) => g.count),
        [2, 2, 1, 1],
      );
      assert.ok(excluded.some((g) => g.title === "Excluded · node(s) didn't match Pod's node affinity/selector" && g.rows[0] === 'win-a-1'));
      assert.ok(
        excluded.some(
          (g) =>
            g.title === 'Excluded · node(s) had untolerated taint(s) (edge.example.com/remote=true:NoSchedule)' &&
            g.rows.join() === 'edge-berlin-1,edge-munich-1',
        ),
      );
      for (const g of groups) assert.equal(g.rows.length, g.count);
    });
  });

  it('rows show roles, os/arch, zone, status and the labels and taints that mattered', async () => {
    await withPanel('rows-node-agent', { state: loadState('node-agent') }, async (p) => {
      const row = (n: string) => p.page.locator(`.row[data-node="${n}"]`);
      assert.deepEqual(await row('cp-1').locator('.row-line .chip').allTextContents(), ['control-plane', 'linux/amd64', 'eu-west-1a', 'Ready']);
      assert.deepEqual(await row('cp-1').locator('.facts .chip').allTextContents(), [
        'kubernetes.io/os=linux',
        'node-role.kubernetes.io/control-plane:NoSchedule',
      ]);
      assert.equal(await row('cp-1').locator('.chip.taint.ok').count(), 1, 'the tolerated taint is marked tolerated');
      assert.equal(await row('worker-b-2').locator('.chip.status').textContent(), 'Ready,SchedulingDisabled');
      assert.equal(await row('worker-a-2').locator('.chip.status').textContent(), 'Unknown');
      assert.equal(await row('win-a-1').locator('.chip.label.bad').textContent(), 'kubernetes.io/os=windows');
      assert.equal(await row('edge-berlin-1').locator('.chip.taint.bad').textContent(), 'edge.example.com/remote=true:NoSchedule');
      assert.match((await row('edge-berlin-1').getAttribute('aria-label')) ?? '', /^edge-berlin-1: Excluded\. Ready\. node\(s\) had untolerated taint/);
    });
  });
});

describe('filter and sort', () => {
  it('filters on name, labels, taints and reasons; Escape clears; the count says how many are shown', async () => {
    await withPanel('filter-gpu', { state: loadState('node-agent') }, async (p) => {
      await p.page.fill('#filter', 'gpu');
      assert.deepEqual(await nodeOrder(p), ['gpu-a-1', 'gpu-b-1']);
      assert.equal(await text(p, '.shown'), '2 of 15 nodes shown');
      await p.page.fill('#filter', 'eu-west-1b ready');
      assert.deepEqual((await nodeOrder(p)).sort(), ['arm-b-1', 'cp-2', 'gpu-b-1', 'worker-b-1', 'worker-b-2']);
      await p.page.fill('#filter', 'insufficient memory');
      assert.deepEqual(await nodeOrder(p), ['worker-c-1']);
      await p.page.fill('#filter', 'no-such-node');
      assert.equal(await p.page.locator('.row').count(), 0);
      assert.equal(await p.page.locator('.no-match').isVisible(), true);
      await p.shot('filter-no-match');
      await p.page.press('#filter', 'Escape');
      assert.equal(await p.page.inputValue('#filter'), '');
      assert.equal(await p.page.locator('.row').count(), 15);
      assert.equal(await p.page.locator('.no-match').isVisible(), false);
    });
  });

  it('sorts by name, zone and verdict in a flat list', async () => {
    await withPanel('sort-zone-flat', { state: loadState('node-agent') }, async (p) => {
      await p.page.click('.group-toggle');
      assert.equal(await p.page.getAttribute('.group-toggle', 'aria-pressed'), 'false');
      assert.equal(await p.page.locator('.group').count(), 0);
      const nodes = loadState('node-agent').daemonSet!.placement.nodes;
      await p.page.selectOption('#sort', 'name');
      assert.deepEqual(await nodeOrder(p), nodes.map((n) => n.name).sort());
      await p.page.selectOption('#sort', 'zone');
      const byZone = [...nodes].sort((a, b) => (a.zone ?? '').localeCompare(b.zone ?? '') || a.name.localeCompare(b.name)).map((n) => n.name);
      assert.deepEqual(await nodeOrder(p), byZone);
      assert.equal((await nodeOrder(p))[0], 'edge-berlin-1');
      await p.page.selectOption('#sort', 'verdict');
      const order = await nodeOrder(p);
      const verdictOf = (n: string) => nodes.find((x) => x.name === n)!.verdict;
      assert.deepEqual(order.slice(0, 3).map(verdictOf), ['runs', 'runs', 'runs']);
      assert.deepEqual(order.slice(3, 9).map(verdictOf), Array(6).fill('pending'));
      assert.deepEqual(order.slice(9).map(verdictOf), Array(6).fill('excluded'));
      // Flat rows carry their own reasons and name their verdict.
      assert.ok((await p.page.locator('.row[data-node="win-a-1"] .reason-message').textContent())?.includes("didn't match Pod's node affinity/selector"));
    });
  });

  it('keeps the filter, sort and grouping across a reload of the page (webview state)', async () => {
    await withPanel(
      'state-restored',
      { state: loadState('node-agent'), savedUi: { filter: 'edge', sort: 'zone', grouped: false, collapsed: [] } },
      async (p) => {
        assert.equal(await p.page.inputValue('#filter'), 'edge');
        assert.equal(await p.page.inputValue('#sort'), 'zone');
        assert.deepEqual(await nodeOrder(p), ['edge-berlin-1', 'edge-munich-1']);
      },
    );
  });
});

describe('escaping', () => {
  it('renders markup from manifests and clusters as text: no element is created, no script runs', async () => {
    const evil = '<img src=x onerror=alert(1)>';
    const st = loadState('node-agent');
    const n = st.daemonSet!.placement.nodes.find((x) => x.name === 'win-a-1')!;
    n.name = evil;
    n.labels = { ...n.labels, 'evil/<script>alert(2)</script>': '<img src=y onerror=alert(3)>' };
    n.zone = '<b onmouseover=alert(4)>zone</b>';
    n.roles = ['<svg onload=alert(5)>'];
    n.reasons = [
      {
        predicate: 'NodeAffinity',
        message: `<img src=z onerror=alert(6)> didn't match`,
        label: `<img src=z onerror=alert(6)> didn't match`,
        detail: '<iframe src=javascript:alert(7)>',
        fixes: [{ title: '<img src=t onerror=alert(13)>', edits: [] }],
      },
    ];
    n.taints = [{ text: '<svg/onload=alert(8)>:NoSchedule', untolerated: true }];
    n.selectorLabels = [{ key: 'evil/<script>alert(2)</script>', value: '<img src=y onerror=alert(3)>', mismatch: false }];
    st.daemonSet!.name = '<img src=q onerror=alert(9)>';
    st.inventory = { ...st.inventory!, name: '<img src=r onerror=alert(10)>', messages: ['<img src=s onerror=alert(11)>'] };
    st.fileName = '<script>alert(12)</script>.yaml';
    await withPanel('escaping', { state: st }, async (p) => {
      await p.page.click('.group-toggle'); // flat: the reasons are on the row
      const row = p.page.locator('.row').filter({ hasText: evil });
      assert.equal(await row.count(), 1);
      assert.equal(await row.locator('.node-name').textContent(), evil);
      assert.ok((await row.locator('.facts').textContent())?.includes('evil/<script>alert(2)</script>=<img src=y onerror=alert(3)>'));
      assert.equal(await row.locator('.reason-message').textContent(), `<img src=z onerror=alert(6)> didn't match`);
      assert.equal(await text(p, '.ds-name'), '<img src=q onerror=alert(9)>');
      assert.equal(await text(p, '.inventory-name'), '<img src=r onerror=alert(10)>');
      const injected = await p.page.evaluate(() => document.querySelectorAll('img, svg, iframe, b, script:not([src])').length);
      assert.equal(injected, 0);
      assert.equal(await p.page.evaluate(() => document.querySelectorAll('script').length), 1);
      await row.hover();
      assert.deepEqual(p.dialogs, []);
    });
  });
});

describe('footprint and rollout', () => {
  it('node-agent: requests as the scheduler counts them × nodes it runs on; 25% of 9 rounds up to 3', async () => {
    await withPanel('footprint-rollout-node-agent', { state: loadState('node-agent') }, async (p) => {
      const f = (k: string) => text(p, `.footprint [data-k="${k}"]`);
      // max(Σ containers 120m/160Mi, init container 200m/64Mi) per resource
      assert.deepEqual([await f('cpu'), await f('memory')], ['200m', '160Mi']);
      assert.deepEqual([await f('totalCpu'), await f('totalMemory')], ['600m', '480Mi']);
      assert.equal(await f('nodes'), '× 3 nodes');
      assert.match((await text(p, '.footprint .grows')) ?? '', /another 200m cpu and 160Mi memory/);
      assert.equal(await text(p, '.footprint .pending-note'), '6 pending pods would reserve 1200m cpu and 960Mi memory more once scheduled.');
      const r = (k: string) => text(p, `.rollout .stat[data-k="${k}"] .stat-value`);
      assert.deepEqual([await r('step'), await r('waves'), await r('desired')], ['3', '3', '9']);
      assert.match((await text(p, '.rollout [data-k="maxUnavailable"]')) ?? '', /25%.*25% of 9 nodes, rounded up: 3/);
      assert.match((await text(p, '.rollout [data-k="maxSurge"]')) ?? '', /0 \(default\)/);
      assert.equal(await text(p, '.rollout [data-k="minReadySeconds"] .v'), '10');
      assert.equal(await text(p, '.rollout .plan'), 'Deletes up to 3 old pods at a time and creates their replacements: 3 waves over 9 nodes.');
    });
  });

  it('gpu-plugin: maxSurge 1 surges one node at a time; limits count as requests', async () => {
    await withPanel('footprint-rollout-gpu', { state: loadState('gpu-plugin'), theme: 'light' }, async (p) => {
      assert.deepEqual(await texts(p, '.footprint tbody td'), ['50m', '64Mi', '100m', '128Mi']);
      assert.deepEqual(await texts(p, '.rollout .stat .stat-value'), ['1', '2', '2']);
      assert.match((await text(p, '.rollout .plan')) ?? '', /^Creates up to 1 new pods beside the old ones.*2 waves over 2 nodes\.$/);
      assert.equal(await p.page.locator('.changes').isVisible(), false, 'a saved file has no changes section');
    });
  });

  it('OnDelete explains itself; no requests is a warning', async () => {
    await withPanel('footprint-rollout-ondelete', { state: loadState('everywhere-ondelete'), theme: 'high-contrast' }, async (p) => {
      assert.equal(await text(p, '.rollout .strategy'), 'OnDelete');
      assert.match((await text(p, '.rollout .ondelete')) ?? '', /only when you delete its old pod/);
      assert.equal(await p.page.locator('.rollout .stat').count(), 0);
      assert.match((await text(p, '.footprint .banner.warning')) ?? '', /No container requests cpu or memory/);
    });
  });
});

describe('changes since the last save', () => {
  it('lists the nodes gained and lost against the saved file', async () => {
    await withPanel('changes-node-agent', { state: loadState('node-agent') }, async (p) => {
      assert.equal(await text(p, '.changes .gained'), ' Now also on cp-1, cp-2, cp-3');
      assert.equal(await p.page.locator('.changes .lost').count(), 0);
      assert.equal(await text(p, '.file'), 'node-agent.yaml ●');
      const st = loadState('node-agent');
      st.daemonSet!.changes = { gained: [], lost: [] };
      await p.setState(st);
      await p.page.waitForSelector('.changes p.muted');
      assert.equal(await text(p, '.changes p.muted'), 'Runs on the same nodes as the saved file.');
    });
  });
});

describe('actions post to the extension', () => {
  it('reveal, apply a fix, switch inventory, refresh, open beside', async () => {
    const st = loadState('node-agent');
    await withPanel('actions', { state: st }, async (p) => {
      const edge = p.page.locator('.group').filter({ hasText: 'edge.example.com/remote' });
      await edge.locator('.group-block .reason').click();
      const [reveal] = await postedOf(p, 'reveal');
      assert.deepEqual(reveal, { type: 'reveal', uri: st.uri, node: 'edge-berlin-1', reason: 0 });
      assert.equal(await edge.locator('.fix').textContent(), 'Tolerate edge.example.com/remote:NoSchedule (2 nodes run)');
      await edge.locator('.fix').click();
      assert.deepEqual(await postedOf(p, 'applyFix'), [{ type: 'applyFix', uri: st.uri, node: 'edge-berlin-1', reason: 0, fix: 0 }]);
      await p.page.click('.inventory-row .link-button');
      assert.equal((await postedOf(p, 'selectInventory')).length, 1);
      await p.page.click('.inventory-row .icon-button');
      assert.equal((await postedOf(p, 'refreshInventory')).length, 1);
    });
  });

  it('remedies: the preferred fix stands out, each fix says it was checked; advice, later reasons, preemption; leave a node out', async () => {
    const st = loadState('node-agent');
    const nodes = st.daemonSet!.placement.nodes;
    const worker = nodes.find((n) => n.name === 'worker-c-1')!;
    // What the scheduler reports after the ports (kube-scheduler stops at the first failing filter).
    assert.equal(worker.reasons.length, 1);
    const cp = nodes.find((n) => n.name === 'cp-1')!;
    cp.preempts = [{ namespace: 'batch', name: 'job-1', priority: 0 }];
    cp.preemptedReasons = [
      { predicate: 'NodeResourcesFit', message: 'Insufficient cpu', label: 'Insufficient cpu', detail: 'requests 100m; the node has 50m free' },
    ];
    await withPanel('remedies', { state: st }, async (p) => {
      await p.page.click('.group-toggle'); // flat: each row carries its reasons
      const row = (name: string) => p.page.locator(`.row[data-node="${name}"]`);
      const gpu = row('gpu-a-1');
      assert.equal(await gpu.locator('.fix').count(), 1);
      assert.match((await gpu.locator('.fix').getAttribute('class'))!, /\bprimary\b/);
      assert.match((await gpu.locator('.fix').getAttribute('title'))!, /^Checked before it was offered/);
      assert.equal(await gpu.locator('.advice').textContent(), 'Or on the node: kubectl taint nodes gpu-a-1 nvidia.com/gpu:NoSchedule-');
      assert.match((await row('worker-a-2').locator('.advice').textContent())!, /^worker-a-2 is unreachable .*nothing to change in the manifest/);
      assert.equal(await row('worker-a-2').locator('.fix').count(), 0, 'no fix is offered for an unreachable node');

      const later = row('worker-c-1').locator('.later');
      assert.equal(await later.locator('.later-label').textContent(), 'Once that is resolved, the scheduler would report:');
      assert.deepEqual(await later.locator('.reason-message').allTextContents(), ['Insufficient cpu', 'Insufficient memory']);
      await later.locator('.reason').first().click();
      assert.deepEqual(await postedOf(p, 'reveal'), [{ type: 'reveal', uri: st.uri, node: 'worker-c-1', reason: 1 }]);

      assert.match(
        (await row('cp-1').locator('.preempts').textContent())!,
        /^Runs only by preempting batch\/job-1 \(priority 0\)NodeResourcesFit: Insufficient cpu — requests 100m/,
      );

      // Leaving a node out: an icon at the end of the row, visible on hover, proven like the rest.
      const exclude = row('cp-2').locator('.exclude');
      assert.equal(await exclude.isVisible(), false);
      await row('cp-2').hover();
      await exclude.waitFor({ state: 'visible' });
      assert.equal(await exclude.getAttribute('aria-label'), 'Exclude node cp-2 (required affinity kubernetes.io/hostname NotIn)');
      await exclude.click();
      assert.deepEqual(await postedOf(p, 'applyFix'), [{ type: 'applyFix', uri: st.uri, node: 'cp-2', reason: -1, fix: 0 }]);
    });
  });

  it("in Korean: the page strings and the server's remedies and advice, with Kubernetes' own wording kept", async () => {
    const ko = JSON.parse(readFileSync(path.join(repoRoot, 'l10n', 'bundle.l10n.ko.json'), 'utf8')) as Record<string, string>;
    configureLocale('ko', path.join(repoRoot, 'l10n'));
    let st: PanelState;
    try {
      st = stateFor('node-agent');
    } finally {
      configureLocale('en', path.join(repoRoot, 'l10n'));
    }
    await withPanel('remedies-ko', { state: st, strings: panelStrings({ t: (m) => ko[m] ?? m }) }, async (p) => {
      await p.page.click('.group-toggle');
      const gpu = p.page.locator('.row[data-node="gpu-a-1"]');
      assert.equal(await gpu.locator('.fix').textContent(), 'nvidia.com/gpu:NoSchedule 톨러레이션 추가 (노드 2개에서 실행)');
      assert.match((await gpu.locator('.fix').getAttribute('title'))!, /^제안 전에 확인됨/);
      assert.equal(await gpu.locator('.advice').textContent(), '또는 노드에서: kubectl taint nodes gpu-a-1 nvidia.com/gpu:NoSchedule-');
      // The scheduler's reason stays as kubectl describe prints it.
      assert.equal(await gpu.locator('.reason-message').textContent(), 'node(s) had untolerated taint(s) (nvidia.com/gpu=present:NoSchedule)');
      assert.match((await p.page.locator('.row[data-node="worker-a-2"] .advice').textContent())!, /^worker-a-2에 연결할 수 없습니다/);
    });
  });

  it('beside the editor the page knows it (body class) and renders the same', async () => {
    await withPanel('beside', { state: loadState('gpu-plugin'), beside: true }, async (p) => {
      assert.equal(await p.page.evaluate(() => document.body.classList.contains('beside')), true);
      assert.equal(await text(p, '.ds-name'), 'nvidia-device-plugin');
    });
  });
});

describe('keyboard', () => {
  it('rows are focusable; arrows move, Enter reveals the reason (or the DaemonSet for a node that runs it)', async () => {
    const st = loadState('node-agent');
    await withPanel('keyboard', { state: st }, async (p) => {
      const focused = () => p.page.evaluate(() => (document.activeElement as HTMLElement).dataset.node ?? (document.activeElement as HTMLElement).id);
      await p.page.focus('#filter');
      await p.page.keyboard.press('ArrowDown');
      assert.equal(await focused(), 'cp-1');
      await p.page.keyboard.press('ArrowDown');
      assert.equal(await focused(), 'cp-2');
      await p.page.keyboard.press('Enter');
      assert.deepEqual(await postedOf(p, 'goToLine'), [{ type: 'goToLine', uri: st.uri, line: st.daemonSet!.line }]);
      await p.page.keyboard.press('End');
      const last = await focused();
      await p.page.keyboard.press('Enter');
      const [reveal] = await postedOf(p, 'reveal');
      assert.deepEqual(reveal as Extract<FromPage, { type: 'reveal' }>, { type: 'reveal', uri: st.uri, node: last, reason: 0 });
      await p.page.keyboard.press('Home');
      assert.equal(await focused(), 'cp-1');
      await p.page.keyboard.press('ArrowUp');
      assert.equal(await focused(), 'filter');
      // Group headers are buttons: Enter collapses, aria-expanded says so.
      const head = p.page.locator('.group-head').first();
      await head.focus();
      await p.page.keyboard.press('Enter');
      assert.equal(await head.getAttribute('aria-expanded'), 'false');
      assert.equal(await p.page.locator('.row[data-node="cp-1"]').isVisible(), false);
      await p.page.keyboard.press('Enter');
      assert.equal(await head.getAttribute('aria-expanded'), 'true');
      // Every reason and quick fix is a button with a label.
      const unlabeled = await p.page.locator('button').evaluateAll((bs) => bs.filter((b) => !(b.getAttribute('aria-label') || b.textContent?.trim())).length);
      assert.equal(unlabeled, 0);
    });
  });
});

describe('updates', () => {
  it('a new state keeps the filter text, focus, scroll position and the row elements (no re-render flicker)', async () => {
    await withPanel('update-keeps-focus', { state: loadState('node-agent') }, async (p) => {
      await p.page.fill('#filter', 'worker');
      await p.page.focus('.row[data-node="worker-b-2"]');
      await p.page.evaluate(() => {
        (document.querySelector('.row[data-node="worker-b-2"]') as any).__marker = 'kept';
        (document.querySelector('.summary') as any).__marker = 'kept';
        window.scrollTo(0, 400);
      });
      const scrollBefore = await p.page.evaluate(() => window.scrollY);
      assert.ok(scrollBefore > 0);
      // The user types: worker-a-1 now runs; the others stay as they were.
      const st = loadState('node-agent');
      const pl = st.daemonSet!.placement;
      const n = pl.nodes.find((x) => x.name === 'worker-a-1')!;
      n.verdict = 'runs';
      n.reasons = [];
      pl.counts = { runs: 4, pending: 5, excluded: 6 };
      await p.setState(st);
      await p.page.waitForFunction(() => document.querySelector('.summary .count[data-verdict="runs"] .count-value')?.textContent === '4');
      assert.equal(await p.page.inputValue('#filter'), 'worker');
      assert.equal(await p.page.evaluate(() => (document.activeElement as HTMLElement).dataset.node), 'worker-b-2');
      assert.equal(await p.page.evaluate(() => (document.activeElement as any).__marker), 'kept');
      assert.equal(await p.page.evaluate(() => (document.querySelector('.summary') as any).__marker), 'kept');
      assert.equal(await p.page.evaluate(() => window.scrollY), scrollBefore);
      assert.equal(await p.page.locator('.group[data-verdict="runs"] .row[data-node="worker-a-1"]').count(), 1);
    });
  });

  it('another DaemonSet starts at the top', async () => {
    await withPanel('update-other-daemonset', { state: loadState('node-agent') }, async (p) => {
      await p.page.evaluate(() => window.scrollTo(0, 600));
      await p.page.waitForFunction(() => window.scrollY > 0);
      await p.setState(loadState('gpu-plugin'));
      await p.page.waitForFunction(() => document.querySelector('.ds-name')?.textContent === 'nvidia-device-plugin');
      assert.equal(await p.page.evaluate(() => window.scrollY), 0);
      assert.equal(await p.page.locator('.row').count(), 15);
      assert.equal(await p.page.locator('.row[data-node="gpu-a-1"] .chip.taint.ok').count(), 1);
    });
  });

  it('shows a progress bar while the extension is busy', async () => {
    await withPanel('busy', { state: loadState('gpu-plugin') }, async (p) => {
      await p.send({ type: 'busy', busy: true });
      await p.page.waitForSelector('.progress.active');
      await p.send({ type: 'busy', busy: false });
      await p.page.waitForSelector('.progress:not(.active)', { state: 'attached' });
    });
  });
});

describe('empty states and inventory problems', () => {
  const inventory = loadState('node-agent').inventory!;
  const cases: [string, PanelState, string, RegExp][] = [
    ['empty-no-editor', { empty: 'noEditor', inventory }, 'No manifest open', /Open a YAML file with a DaemonSet/],
    ['empty-not-yaml', { empty: 'notYaml', inventory, fileName: 'README.md' }, 'Not a YAML file', /Switch to a DaemonSet manifest/],
    ['empty-no-daemonset', { empty: 'noDaemonSet', inventory, fileName: 'cm.yaml', uri: 'file:///w/cm.yaml' }, 'No DaemonSet in this file', /kind: DaemonSet/],
    ['empty-starting', { empty: 'serverStarting' }, 'Starting', /language server is starting/],
    ['empty-error', { empty: 'error', error: 'Request failed.' }, 'Placement could not be computed', /Request failed\. See the output channel/],
  ];
  for (const [name, state, title, body] of cases) {
    it(`${state.empty}: says what to do next`, async () => {
      await withPanel(name, { state }, async (p) => {
        assert.equal(await text(p, '.empty h2'), title);
        assert.match((await text(p, '.empty p')) ?? '', body);
        assert.equal(await p.page.locator('.content').isVisible(), false);
      });
    });
  }

  it('cursor outside every DaemonSet: offers to go to each', async () => {
    const state: PanelState = {
      empty: 'noDaemonSetHere',
      inventory,
      uri: 'file:///w/two.yaml',
      fileName: 'two.yaml',
      others: [
        { name: 'a', line: 0 },
        { name: 'b', namespace: 'kube-system', line: 40 },
      ],
    };
    await withPanel('empty-not-here', { state }, async (p) => {
      assert.deepEqual(await texts(p, '.goto-list button'), ['Go to a (line 1)', 'Go to kube-system/b (line 41)']);
      await p.page.click('.goto-list li:nth-child(2) button');
      assert.deepEqual(await postedOf(p, 'goToLine'), [{ type: 'goToLine', uri: 'file:///w/two.yaml', line: 40 }]);
    });
  });

  it('an inventory without nodes asks to switch', async () => {
    const st = loadState('gpu-plugin');
    st.inventory = { source: 'file', name: 'nodes.yaml', nodes: 0, pods: 0, messages: ['nodes.yaml: no Node objects found'] };
    await withPanel('empty-no-nodes', { state: st }, async (p) => {
      assert.equal(await text(p, '.empty h2'), 'The inventory has no nodes');
      assert.equal(await text(p, '.banner.warning'), 'nodes.yaml: no Node objects found');
      await p.page.click('.empty .button');
      assert.equal((await postedOf(p, 'selectInventory')).length, 1);
    });
  });

  it('cluster unreachable: says which cluster failed and that the sample is shown instead', async () => {
    const st = loadState('node-agent');
    st.inventory = { ...st.inventory!, requested: { source: 'cluster', detail: 'prod-eu', error: 'connect ECONNREFUSED 10.0.0.1:6443' } };
    await withPanel('cluster-unreachable', { state: st }, async (p) => {
      const b = p.page.locator('.banner.error');
      assert.equal(await b.locator('strong').textContent(), 'Cluster unreachable');
      assert.match((await b.textContent()) ?? '', /cluster prod-eu: connect ECONNREFUSED 10\.0\.0\.1:6443.*Showing sample cluster instead\./);
      await b.locator('button').click();
      assert.equal((await postedOf(p, 'selectInventory')).length, 1);
      assert.equal(await p.page.locator('.hint').count(), 0, 'no sample hint on top of the error');
    });
  });

  it('stale cluster data: a badge, a warning and a refresh', async () => {
    const st = loadState('gpu-plugin');
    st.inventory = {
      source: 'cluster',
      name: 'kind-dev',
      nodes: 15,
      pods: 51,
      messages: [],
      stale: true,
      fetchedAt: new Date(Date.now() - 3 * 3600_000).toISOString(),
    };
    await withPanel('cluster-stale', { state: st, theme: 'light' }, async (p) => {
      assert.equal(await text(p, '.badge.stale'), 'stale');
      assert.equal(await text(p, '.fetched'), 'as of 3 h ago');
      await p.page.click('.banner.warning button');
      assert.equal((await postedOf(p, 'refreshInventory')).length, 1);
    });
  });
});

describe('themes and strings', () => {
  for (const theme of Object.keys(THEMES) as ThemeName[]) {
    it(`follows the ${theme} theme through VS Code's variables only`, async () => {
      await withPanel(`theme-${theme}`, { state: loadState('node-agent'), theme }, async (p) => {
        const vars = THEMES[theme].vars;
        const rgb = (hex: string) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;
        const style = await p.page.evaluate(() => {
          const b = getComputedStyle(document.body);
          const link = getComputedStyle(document.querySelector('.link-button')!);
          const card = getComputedStyle(document.querySelector('.card')!);
          return { color: b.color, background: b.backgroundColor, link: link.color, cardBorder: card.borderTopColor };
        });
        assert.equal(style.color, rgb(vars.foreground));
        assert.equal(style.background, rgb(vars['sideBar-background']));
        assert.equal(style.link, rgb(vars['textLink-foreground']));
        if (theme === 'high-contrast') assert.equal(style.cardBorder, rgb(vars.contrastBorder));
      });
    });
  }

  it('fits a narrow sidebar without horizontal scrolling, even with long names', async () => {
    const st = loadState('node-agent');
    st.daemonSet!.placement.nodes[0].name = 'ip-10-0-12-34.eu-west-1.compute.internal-with-a-very-long-suffix';
    await withPanel('narrow-sidebar', { state: st, theme: 'light' }, async (p) => {
      await p.page.setViewportSize({ width: 280, height: 900 });
      const overflow = await p.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.equal(overflow, 0);
    });
  });

  it('every label comes from the strings table the extension localizes', async () => {
    const strings = panelStrings({ t: (m) => `‹${m}›` });
    await withPanel('strings-pseudo', { state: loadState('node-agent'), strings }, async (p) => {
      assert.equal(await p.page.getAttribute('#filter', 'placeholder'), strings.filterPlaceholder);
      assert.equal(await text(p, '.stat[data-k="desired"] .stat-label'), strings.colDesired);
      assert.equal(await text(p, '.group[data-verdict="runs"] .group-title'), strings.verdictRuns);
      assert.equal(await text(p, '.row[data-node="worker-b-2"] .chip.status'), '‹Ready›,‹SchedulingDisabled›');
      assert.match((await text(p, '.rollout .plan')) ?? '', /^‹Deletes up to 3 old pods/);
      assert.deepEqual(await texts(p, '#sort option'), [strings.sortVerdict, strings.sortName, strings.sortZone]);
      // Page chrome text: everything outside data-bearing elements is wrapped in ‹…›.
      const stray = await p.page.evaluate(() => {
        const skip =
          '.node-name, .chip, .fix, .reason-message, .predicate, .detail, .inventory-name, .ds-name, .namespace, .file, .stat-value, .count-value, .count-badge, .group-title, td, code, .kv .k, .muted, .plan, .gained, .lost, .eviction';
        const out: string[] = [];
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const t = n.textContent!.trim();
          if (!t || (n.parentElement && n.parentElement.closest(skip))) continue;
          if (!/^[‹›(→·,.:0-9\-\s]*‹.*›[\s.)]*$/.test(t) && !/^[·→●\s]+$/.test(t)) out.push(t);
        }
        return out;
      });
      assert.deepEqual(stray, []);
    });
  });
});

// englishStrings is what the extension sends for English; make sure the tests used it.
it('the harness sends the English table', () => {
  assert.equal(englishStrings.verdictRuns, 'Runs');
});

describe('10,000 nodes', () => {
  const big = largeState(10_000);
  const nodes = big.daemonSet!.placement.nodes;
  const groups = groupNodes(nodes, 'verdict');
  const lastNode = groups[groups.length - 1].nodes.at(-1)!.name;
  const rowCount = (p: PanelPage) => p.page.locator('.row').count();
  const inView = (p: PanelPage, name: string) =>
    p.page.evaluate((n) => {
      const el = Array.from(document.querySelectorAll<HTMLElement>('.row')).find((r) => r.dataset.node === n);
      const r = el?.getBoundingClientRect();
      return !!r && r.top >= 0 && r.bottom <= window.innerHeight;
    }, name);
  const focusedNode = (p: PanelPage) =>
    p.page.evaluate(() => (document.activeElement as HTMLElement).dataset.node ?? (document.activeElement as HTMLElement).className);

  it('renders only the rows in view: a few hundred at most, first render timed', async () => {
    await withPanel('large-10000', { state: { empty: 'noEditor' } }, async (p) => {
      // From the message to the painted page, as the webview receives it (JSON from the extension host).
      const ms = await p.page.evaluate(
        (json) =>
          new Promise<number>((resolve) => {
            const t0 = performance.now();
            window.addEventListener('message', () => requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t0))), { once: true });
            window.postMessage(JSON.parse(json), '*');
          }),
        JSON.stringify({ type: 'state', state: big }),
      );
      const rows = await rowCount(p);
      const elements = await p.page.evaluate(() => document.querySelectorAll('*').length);
      console.log(`# 10,000 nodes: first render ${Math.round(ms)} ms, ${rows} rows and ${elements} elements in the DOM`);
      assert.equal(await text(p, '.summary .stat[data-k="nodes"] .stat-value'), '10000');
      assert.ok(rows > 0 && rows <= 300, `${rows} rows`);
      assert.ok(elements < 6000, `${elements} elements`);
      assert.equal(await p.page.locator('.group').first().getAttribute('data-verdict'), 'runs');
      assert.equal(await p.page.locator('.group .count-badge').first().textContent(), String(groups[0].nodes.length));
      assert.equal(await p.page.getAttribute('.row >> nth=0', 'aria-setsize'), String(groups[0].nodes.length));
    });
  });

  it('scrolling to the end shows the last node; scrolling back to the top shows the first', async () => {
    await withPanel('large-10000-end', { state: big }, async (p) => {
      await p.page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      await p.page.waitForFunction(
        (n) => {
          const el = Array.from(document.querySelectorAll<HTMLElement>('.row')).find((r) => r.dataset.node === n);
          const r = el?.getBoundingClientRect();
          return !!r && r.top >= 0 && r.bottom <= window.innerHeight;
        },
        lastNode,
        { timeout: 10_000 },
      );
      assert.ok((await rowCount(p)) <= 300);
      assert.equal(await p.page.locator('.rollout').isVisible(), true);
      await p.page.evaluate(() => window.scrollTo(0, 0));
      await p.page.waitForFunction(() => document.querySelector<HTMLElement>('.row')?.dataset.node === 'cp-1', undefined, { timeout: 10_000 });
      assert.equal(await inView(p, 'cp-1'), true);
    });
  });

  it('the filter finds nodes far down the list', async () => {
    await withPanel('large-10000-filter', { state: big }, async (p) => {
      await p.page.fill('#filter', 'worker-c-1-0660');
      assert.deepEqual(await nodeOrder(p), ['worker-c-1-0660']);
      assert.equal(await text(p, '.shown'), '1 of 10000 nodes shown');
      await p.page.fill('#filter', 'edge-munich-1-06');
      const expected = nodes.filter((n) => n.name.startsWith('edge-munich-1-06')).map((n) => n.name);
      assert.deepEqual(await nodeOrder(p), expected);
      await p.page.fill('#filter', 'worker');
      const workers = nodes.filter((n) => n.name.includes('worker')).length;
      assert.equal(await text(p, '.shown'), `${workers} of 10000 nodes shown`);
      assert.ok((await rowCount(p)) <= 300);
    });
  });

  it('keyboard: End reaches the last node, Home the first; a focused row scrolled away keeps the keys working', async () => {
    await withPanel('large-10000-keyboard', { state: big }, async (p) => {
      await p.page.focus('#filter');
      await p.page.keyboard.press('ArrowDown');
      assert.equal(await focusedNode(p), 'cp-1');
      await p.page.keyboard.press('End');
      assert.equal(await focusedNode(p), lastNode);
      assert.equal(await inView(p, lastNode), true);
      await p.page.keyboard.press('Home');
      assert.equal(await focusedNode(p), 'cp-1');
      await p.page.keyboard.press('ArrowDown');
      const second = await focusedNode(p);
      // Scrolled far away with the mouse: the row leaves the DOM, the list holds focus, the keys go on from that row.
      await p.page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight / 2));
      await p.page.waitForFunction((n) => !Array.from(document.querySelectorAll<HTMLElement>('.row')).some((r) => r.dataset.node === n), second);
      assert.equal(await focusedNode(p), 'groups');
      await p.page.keyboard.press('ArrowDown');
      assert.equal(await focusedNode(p), groups[0].nodes[2].name);
      assert.equal(await inView(p, groups[0].nodes[2].name), true);
      await p.page.keyboard.press('Enter');
      assert.deepEqual(await postedOf(p, 'goToLine'), [{ type: 'goToLine', uri: big.uri, line: big.daemonSet!.line }]);
      // The flat list too.
      await p.page.click('.group-toggle');
      assert.ok((await rowCount(p)) <= 300);
      await p.page.focus('#filter');
      await p.page.keyboard.press('ArrowDown');
      await p.page.keyboard.press('End');
      const flat = [...nodes].sort(compareNodes('verdict'));
      assert.equal(await focusedNode(p), flat.at(-1)!.name);
    });
  });

  it('applies a patch (only what changed) and asks for the whole state when a patch does not fit', async () => {
    await withPanel('large-10000-patch', { state: big }, async (p) => {
      const at = nodes.findIndex((n) => n.name === 'cp-1');
      const first = structuredClone(nodes[at]);
      first.zone = 'patched-zone';
      await p.send({ type: 'patch', ops: [{ p: ['daemonSet', 'placement', 'nodes', at], v: first }] });
      await p.page.waitForFunction(() => document.querySelector('.row[data-node="cp-1"] .chip.zone')?.textContent === 'patched-zone');
      await p.send({ type: 'patch', ops: [{ p: ['daemonSet', '__proto__', 'x'], v: 1 }] });
      assert.equal((await postedOf(p, 'ready')).length, 2, 'the page asked again');
    });
  });
});

describe('right-to-left text in node names and labels', () => {
  it('a name with U+202E or in Hebrew is isolated: it does not turn the text around it', async () => {
    const st = loadState('node-agent');
    const evil = '\u202Eevil';
    const hebrew = 'צומת-1';
    const rename = (from: string, to: string) => {
      const n = st.daemonSet!.placement.nodes.find((x) => x.name === from)!;
      n.name = to;
      // The server's sentences quote the name (the advice: kubectl taint nodes <name> …).
      n.advice = n.advice?.map((a) => a.replaceAll(from, to));
      n.labels = { ...n.labels, 'kubernetes.io/hostname': to };
      return n;
    };
    rename('gpu-a-1', evil);
    const heb = rename('cp-2', hebrew);
    heb.zone = 'אזור-א';
    await withPanel('rtl', { state: st }, async (p) => {
      await p.page.click('.group-toggle');
      const info = await p.page.evaluate(
        ([evilName, hebName]) => {
          const row = (n: string) => Array.from(document.querySelectorAll<HTMLElement>('.row')).find((r) => r.dataset.node === n)!;
          const name = (n: string) => row(n).querySelector<HTMLElement>('.node-name')!;
          // x of two characters of a text node: left to right when the first is left of the second.
          const ltr = (t: Text, a: number, b: number) => {
            const x = (i: number) => {
              const r = document.createRange();
              r.setStart(t, i);
              r.setEnd(t, i + 1);
              return r.getBoundingClientRect().left;
            };
            return x(a) < x(b);
          };
          const advice = row(evilName).querySelector('.advice span[dir]')!;
          const walker = document.createTreeWalker(advice, NodeFilter.SHOW_TEXT);
          let after: Text | undefined;
          for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) if (n.data.includes('nvidia')) after = n;
          const nvidia = after!.data.indexOf('nvidia');
          return {
            evilDir: name(evilName).getAttribute('dir'),
            evilBidi: getComputedStyle(name(evilName)).unicodeBidi,
            hebDirection: getComputedStyle(name(hebName)).direction,
            nextDirection: getComputedStyle(name(hebName).nextElementSibling!).direction,
            zoneDirection: getComputedStyle(row(hebName).querySelector('.chip.zone')!).direction,
            adviceText: advice.textContent,
            adviceAfterNameLtr: ltr(after!, nvidia, nvidia + 5),
          };
        },
        [evil, hebrew],
      );
      assert.equal(info.evilDir, 'auto');
      assert.equal(info.evilBidi, 'isolate');
      assert.equal(info.hebDirection, 'rtl', 'the Hebrew name reads right to left');
      assert.equal(info.nextDirection, 'ltr', 'the verdict beside it does not');
      assert.equal(info.zoneDirection, 'rtl');
      assert.equal(info.adviceText, `Or on the node: kubectl taint nodes ${evil} nvidia.com/gpu:NoSchedule-`);
      assert.equal(info.adviceAfterNameLtr, true, 'the text after the name in the sentence stays left to right');
    });
  });
});
