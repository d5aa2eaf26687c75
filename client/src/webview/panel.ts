/**
 * The placement page (runs inside the webview; bundled to dist/media/panel.js). It renders the
 * PanelState the extension posts and posts back what the user asks for. Updates diff the DOM:
 * sections re-render only when their data changed, node rows are kept by name, and the filter
 * box, scroll position and focus survive every update.
 */
import type { FromPage, ToPage } from '../panel/messages';
import type { PanelNode, PanelReason, PanelState, RolloutPlan } from '../panel/model';
import { fmt, type PanelStrings } from '../panel/strings';
import { append, bdi, breakable, type Child, fmtIsolated, h, icon, isolated, updateSection } from './dom';
import { compareNodes, groupNodes, matchesFilter, type NodeGroup, type SortKey } from './nodes';
import { applyPatch } from './patch';
import { planWindow, rowOffset, type SectionHeights } from './virtual';

declare function acquireVsCodeApi(): { postMessage(m: unknown): void; getState(): unknown; setState(s: unknown): void };

interface UiState {
  filter: string;
  sort: SortKey;
  grouped: boolean;
  collapsed: string[];
}

const vscode = acquireVsCodeApi();
const saved = (vscode.getState() ?? {}) as Partial<UiState>;
const ui: UiState = {
  filter: typeof saved.filter === 'string' ? saved.filter : '',
  sort: saved.sort === 'name' || saved.sort === 'zone' || saved.sort === 'verdict' ? saved.sort : 'verdict',
  grouped: saved.grouped !== false,
  collapsed: Array.isArray(saved.collapsed) ? saved.collapsed.filter((x) => typeof x === 'string') : [],
};

let S: PanelStrings | undefined;
let state: PanelState | undefined;
let beside = false;

function post(m: FromPage): void {
  vscode.postMessage(m);
}
function saveUi(): void {
  vscode.setState(ui);
}

// ---------------------------------------------------------------- skeleton (built once)

const app = document.getElementById('app')!;
const progress = h('div', { class: 'progress', attrs: { role: 'progressbar', 'aria-hidden': 'true' } }, h('div', { class: 'progress-bit' }));
const header = h('header', { class: 'header' });
const banners = h('div', { class: 'banners', attrs: { role: 'status', 'aria-live': 'polite' } });
const empty = h('section', { class: 'empty', attrs: { hidden: true } });
const summary = h('section', { class: 'card summary', attrs: { 'aria-labelledby': 'summary-h' } });
const changes = h('section', { class: 'card changes', attrs: { 'aria-labelledby': 'changes-h' } });
const nodesHeading = h('h2', { attrs: { id: 'nodes-h' } });
const filterInput = h('input', {
  class: 'filter',
  attrs: { type: 'search', id: 'filter', spellcheck: 'false', autocomplete: 'off', 'data-focus-key': 'filter' },
});
const sortSelect = h('select', { class: 'sort', attrs: { id: 'sort', 'data-focus-key': 'sort' } });
// The select's label is for screen readers: the options say what they sort by.
const sortLabel = h('label', { class: 'visually-hidden', attrs: { for: 'sort' } });
const groupToggle = h('button', { class: 'icon-button group-toggle', attrs: { type: 'button', 'data-focus-key': 'group' } });
const shown = h('div', { class: 'shown', attrs: { 'aria-live': 'polite' } });
// Focusable only from script: it holds focus for a focused row that scrolled out of the window.
const groupsEl = h('div', { class: 'groups', attrs: { tabindex: -1, 'aria-labelledby': 'nodes-h' } });
const noMatch = h('div', { class: 'no-match', attrs: { hidden: true } });
const nodesSection = h(
  'section',
  { class: 'card nodes', attrs: { 'aria-labelledby': 'nodes-h' } },
  nodesHeading,
  h('div', { class: 'toolbar' }, h('div', { class: 'filter-box' }, icon('filter'), filterInput), sortLabel, sortSelect, groupToggle),
  shown,
  noMatch,
  groupsEl,
);
const footprintEl = h('section', { class: 'card footprint', attrs: { 'aria-labelledby': 'footprint-h' } });
const rolloutEl = h('section', { class: 'card rollout', attrs: { 'aria-labelledby': 'rollout-h' } });
const content = h('main', { class: 'content' }, summary, changes, nodesSection, footprintEl, rolloutEl);
app.replaceChildren(progress, header, banners, empty, content);

filterInput.value = ui.filter;
filterInput.addEventListener('input', () => {
  ui.filter = filterInput.value;
  saveUi();
  renderNodes();
});
filterInput.addEventListener('keydown', (e) => {
  if (e.key === 'Escape' && filterInput.value) {
    filterInput.value = '';
    ui.filter = '';
    saveUi();
    renderNodes();
    e.stopPropagation();
  } else if (e.key === 'ArrowDown') {
    e.preventDefault();
    const first = navigable()[0];
    if (first) focusRow(first);
  }
});
sortSelect.addEventListener('change', () => {
  ui.sort = sortSelect.value as SortKey;
  saveUi();
  renderNodes();
});
groupToggle.addEventListener('click', () => {
  ui.grouped = !ui.grouped;
  saveUi();
  renderNodes();
});

// ---------------------------------------------------------------- helpers

function s(): PanelStrings {
  return S!;
}

function button(label: Child[], opts: { cls?: string; title?: string; aria?: string; focusKey?: string; onClick: () => void }): HTMLButtonElement {
  return h(
    'button',
    {
      class: opts.cls ?? 'button',
      attrs: { type: 'button', title: opts.title, 'aria-label': opts.aria, 'data-focus-key': opts.focusKey },
      on: { click: (e) => (e.stopPropagation(), opts.onClick()) },
    },
    ...label,
  );
}

function verdictLabel(v: PanelNode['verdict']): string {
  return v === 'runs' ? s().verdictRuns : v === 'pending' ? s().verdictPending : s().verdictExcluded;
}
function verdictHelp(v: PanelNode['verdict']): string {
  return v === 'runs' ? s().verdictRunsHelp : v === 'pending' ? s().verdictPendingHelp : s().verdictExcludedHelp;
}
function verdictIcon(v: PanelNode['verdict']): HTMLSpanElement {
  return icon(v === 'runs' ? 'pass' : v === 'pending' ? 'warning' : 'circle-slash', `verdict-icon ${v}`);
}

/** kubectl get nodes STATUS: Ready / NotReady / Unknown, with `,SchedulingDisabled` when cordoned. */
function statusText(n: PanelNode): string {
  const ready = n.ready === 'True' ? s().statusReady : n.ready === 'False' ? s().statusNotReady : s().statusUnknown;
  return n.unschedulable ? `${ready},${s().statusCordoned}` : ready;
}

function relativeTime(iso: string): { text: string; title: string } | undefined {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return undefined;
  const title = new Date(t).toLocaleString(document.documentElement.lang || undefined);
  const mins = Math.floor((Date.now() - t) / 60000);
  const ago =
    mins < 1
      ? s().justNow
      : mins < 60
        ? fmt(s().minutesAgo, mins)
        : mins < 60 * 48
          ? fmt(s().hoursAgo, Math.floor(mins / 60))
          : fmt(s().daysAgo, Math.floor(mins / 1440));
  return { text: fmt(s().asOf, ago), title };
}

function sourceLabel(src: string): string {
  return src === 'sample' ? s().sourceSample : src === 'file' ? s().sourceFile : src === 'cluster' ? s().sourceCluster : src;
}

// ---------------------------------------------------------------- sections

function renderHeader(st: PanelState): void {
  const inv = st.inventory;
  const ds = st.daemonSet;
  const fresh = inv?.fetchedAt ? relativeTime(inv.fetchedAt) : undefined;
  updateSection(header, JSON.stringify([ds?.name, ds?.namespace, st.fileName, st.dirty, inv, fresh?.text]), () => [
    h(
      'div',
      { class: 'title-row' },
      h(
        'h1',
        { class: 'title' },
        ds ? h('span', { class: 'ds-name', attrs: { dir: 'auto' } }, ds.name) : h('span', { class: 'ds-name muted' }, s().pageTitle),
        ds?.namespace ? h('span', { class: 'namespace', attrs: { dir: 'auto' } }, ds.namespace) : null,
      ),
      st.fileName ? h('span', { class: 'file', attrs: { title: st.uri } }, bdi(st.fileName), st.dirty ? ' ●' : '') : null,
    ),
    inv
      ? h(
          'div',
          { class: 'inventory-row', attrs: { role: 'group', 'aria-label': s().inventory } },
          icon(inv.source === 'sample' ? 'beaker' : inv.source === 'file' ? 'file' : 'cloud', 'inventory-icon'),
          h('span', { class: 'inventory-name', attrs: { dir: 'auto' } }, inv.name),
          h('span', { class: 'badge source' }, sourceLabel(inv.source)),
          h('span', { class: 'muted' }, fmt(s().nodesCount, inv.nodes)),
          inv.pods > 0 ? h('span', { class: 'muted' }, fmt(s().podsCount, inv.pods)) : null,
          fresh ? h('span', { class: 'muted fetched', attrs: { title: fresh.title } }, fresh.text) : null,
          inv.stale ? h('span', { class: 'badge stale', attrs: { title: s().staleHint } }, s().stale) : null,
          h(
            'span',
            { class: 'actions' },
            button([icon('arrow-swap'), h('span', null, s().switchInventory)], {
              cls: 'link-button',
              focusKey: 'switch',
              onClick: () => post({ type: 'selectInventory' }),
            }),
            button([icon('refresh')], {
              cls: 'icon-button',
              title: s().refreshInventory,
              aria: s().refreshInventory,
              focusKey: 'refresh',
              onClick: () => post({ type: 'refreshInventory' }),
            }),
          ),
        )
      : null,
  ]);
}

function banner(kind: 'error' | 'warning' | 'info', title: string | undefined, body: Child[], action?: HTMLButtonElement): HTMLElement {
  return h(
    'div',
    { class: `banner ${kind}` },
    icon(kind === 'error' ? 'error' : kind === 'warning' ? 'warning' : 'info'),
    h(
      'div',
      { class: 'banner-text' },
      title ? h('strong', null, title) : null,
      ...body.map((b) => (typeof b === 'string' ? h('div', null, b) : b)),
      action ? h('div', { class: 'banner-action' }, action) : null,
    ),
  );
}

function renderBanners(st: PanelState): void {
  const inv = st.inventory;
  const dsMessages = st.daemonSet?.placement.messages ?? [];
  updateSection(banners, JSON.stringify([inv?.requested, inv?.stale, inv?.source, inv?.messages, inv?.name, dsMessages, st.empty]), () => {
    const out: Child[] = [];
    if (!inv) return out;
    const switchButton = (key: string) =>
      button([h('span', null, s().switchInventory)], { cls: 'button secondary', focusKey: key, onClick: () => post({ type: 'selectInventory' }) });
    if (inv.requested) {
      const r = inv.requested;
      out.push(
        banner(
          'error',
          r.source === 'cluster' ? s().clusterUnreachable : s().fallbackTitle,
          [fmt(s().fallbackBody, sourceLabel(r.source), r.detail ?? '', r.error), fmt(s().fallbackShowing, inv.name)],
          switchButton('switch-fallback'),
        ),
      );
    }
    if (inv.stale) {
      out.push(
        banner(
          'warning',
          undefined,
          [s().staleHint],
          button([icon('refresh'), h('span', null, s().refreshInventory)], {
            cls: 'button secondary',
            focusKey: 'refresh-stale',
            onClick: () => post({ type: 'refreshInventory' }),
          }),
        ),
      );
    }
    if (inv.messages.length) out.push(banner('warning', undefined, inv.messages));
    if (inv.source === 'sample' && !inv.requested && !st.empty) out.push(h('div', { class: 'hint' }, icon('info'), h('span', null, s().sampleHint)));
    if (dsMessages.length) out.push(banner('error', s().dsMessages, dsMessages));
    return out;
  });
}

function renderEmpty(st: PanelState): boolean {
  const noNodes = !st.empty && st.inventory !== undefined && st.inventory.nodes === 0;
  const showing = !!st.empty || noNodes;
  empty.hidden = !showing;
  content.hidden = showing;
  if (!showing) return false;
  const kind = noNodes ? 'noNodes' : st.empty!;
  updateSection(empty, JSON.stringify([kind, st.error, st.others, st.uri]), () => {
    const t = s();
    const [title, body, ic] =
      kind === 'noNodes'
        ? [t.noNodesTitle, t.noNodesBody, 'server-environment']
        : kind === 'noEditor'
          ? [t.emptyNoEditorTitle, t.emptyNoEditor, 'file']
          : kind === 'notYaml'
            ? [t.emptyNotYamlTitle, t.emptyNotYaml, 'file']
            : kind === 'noDaemonSet'
              ? [t.emptyNoDaemonSetTitle, t.emptyNoDaemonSet, 'info']
              : kind === 'noDaemonSetHere'
                ? [t.emptyNotHereTitle, t.emptyNotHere, 'info']
                : kind === 'serverStarting'
                  ? [t.emptyStartingTitle, t.emptyStarting, 'sync']
                  : [t.emptyErrorTitle, fmt(t.emptyError, st.error ?? ''), 'error'];
    const out: Child[] = [icon(ic, 'empty-icon'), h('h2', null, title), h('p', null, body)];
    if (kind === 'noDaemonSetHere' && st.others?.length && st.uri) {
      const uri = st.uri;
      out.push(
        h(
          'ul',
          { class: 'goto-list' },
          ...st.others.map((o, i) =>
            h(
              'li',
              null,
              button([icon('go-to-file'), h('span', null, fmtIsolated(t.goTo, o.namespace ? `${o.namespace}/${o.name}` : o.name, String(o.line + 1)))], {
                cls: 'link-button',
                focusKey: `goto:${i}`,
                onClick: () => post({ type: 'goToLine', uri, line: o.line }),
              }),
            ),
          ),
        ),
      );
    }
    if (kind === 'noNodes')
      out.push(
        button([icon('arrow-swap'), h('span', null, t.switchInventory)], {
          cls: 'button',
          focusKey: 'switch-empty',
          onClick: () => post({ type: 'selectInventory' }),
        }),
      );
    return out;
  });
  return true;
}

function stat(key: string, label: string, value: number | string, title?: string): HTMLElement {
  return h(
    'div',
    { class: 'stat', attrs: { 'data-k': key, title, role: 'group', 'aria-label': `${label} ${value}` } },
    h('div', { class: 'stat-label', attrs: { 'aria-hidden': 'true' } }, label),
    h('div', { class: 'stat-value', attrs: { 'aria-hidden': 'true' } }, String(value)),
  );
}

function renderSummary(st: PanelState): void {
  const p = st.daemonSet!.placement;
  updateSection(summary, JSON.stringify([p.desired, p.current, p.ready, p.misscheduled, p.counts, p.nodes.length]), () => {
    const t = s();
    const cols: HTMLElement[] = [stat('desired', t.colDesired, p.desired)];
    if (p.current !== undefined) cols.push(stat('current', t.colCurrent, p.current));
    if (p.ready !== undefined) cols.push(stat('ready', t.colReady, p.ready));
    if (p.misscheduled !== undefined) cols.push(stat('misscheduled', t.colMisscheduled, p.misscheduled));
    cols.push(stat('nodes', t.colNodes, p.nodes.length));
    const verdicts = (['runs', 'pending', 'excluded'] as const).map((v) =>
      h(
        'span',
        { class: `count ${v}`, attrs: { 'data-verdict': v, title: verdictHelp(v) } },
        verdictIcon(v),
        h('span', { class: 'count-label' }, verdictLabel(v)),
        h('span', { class: 'count-value' }, String(p.counts[v])),
      ),
    );
    return [
      h('h2', { attrs: { id: 'summary-h', class: 'visually-hidden' } }, t.summary),
      h('div', { class: 'stats' }, ...cols),
      h('div', { class: 'counts' }, ...verdicts),
    ];
  });
}

function renderChanges(st: PanelState): void {
  const c = st.daemonSet?.changes;
  const show = !!st.dirty && !!c;
  changes.hidden = !show;
  if (!show) return;
  updateSection(changes, JSON.stringify(c), () => {
    const t = s();
    const out: Child[] = [h('h2', { attrs: { id: 'changes-h' } }, icon('diff'), ' ', t.changesTitle)];
    if (c!.gained.length === 0 && c!.lost.length === 0) out.push(h('p', { class: 'muted' }, t.noChanges));
    if (c!.gained.length) out.push(h('p', { class: 'gained' }, icon('add'), ' ', ...listOf(t.gained, c!.gained)));
    if (c!.lost.length) out.push(h('p', { class: 'lost' }, icon('remove'), ' ', ...listOf(t.lost, c!.lost)));
    return out;
  });
}

/** A sentence of the page naming several nodes, each isolated for bidi. */
function listOf(template: string, names: string[]): Child[] {
  const at = template.indexOf('{0}');
  if (at < 0) return [template];
  const out: Child[] = [template.slice(0, at)];
  names.forEach((n, i) => out.push(i ? ', ' : '', bdi(n)));
  out.push(template.slice(at + 3));
  return out;
}

// ---------------------------------------------------------------- node rows (keyed)

/** The node's data the server's sentences may quote: what gets isolated for bidi inside them. */
function dataValues(n: PanelNode | undefined): string[] {
  if (!n) return [];
  return [
    n.name,
    ...Object.values(n.labels ?? {}),
    ...Object.keys(n.labels ?? {}),
    ...n.taints.map((t) => t.text),
    ...n.selectorLabels.flatMap((l) => [l.key, l.value ?? '']),
    ...(n.preempts ?? []).flatMap((v) => [v.name, v.namespace]),
  ];
}

const rowCache = new Map<string, { el: HTMLElement; sig: string }>();

/**
 * One reason: a link that reveals the responsible YAML, the scheduler plugin's name, a button per
 * remedy the server proved, and the engine's detail. `compact` (in a group block, under a header
 * that already says the reason) shows "Show in YAML" instead of repeating it. `node` is the node
 * the reason belongs to (for a group: its first node, whose reasons every node of it shares).
 */
function reasonItem(st: PanelState, node: string, index: number, r: PanelReason, focusKey: string, compact: boolean, values: string[]): HTMLElement {
  const t = s();
  const uri = st.uri!;
  const parts: Child[] = [
    h('span', { class: 'predicate' }, r.predicate),
    button(
      [
        icon('go-to-file'),
        compact
          ? h('span', { class: 'reason-message' }, t.showInYaml)
          : h('span', { class: 'reason-message', attrs: { dir: 'auto' } }, isolated(r.label, values)),
      ],
      {
        cls: 'link-button reason',
        title: fmt(t.revealReason, r.label),
        aria: fmt(t.revealReason, r.label),
        focusKey: `reason:${focusKey}`,
        onClick: () => post({ type: 'reveal', uri, node, reason: index }),
      },
    ),
  ];
  // The numbers first, then what to do about them.
  if (r.detail) parts.push(h('div', { class: 'detail muted', attrs: { dir: 'auto' } }, isolated(r.detail, values)));
  (r.fixes ?? []).forEach((f, i) => {
    parts.push(
      button([icon('lightbulb'), h('span', { attrs: { dir: 'auto' } }, isolated(f.title, values))], {
        cls: `button ${f.preferred ? 'primary' : 'secondary'} small fix`,
        title: t.fixProven,
        focusKey: `fix:${focusKey}:${i}`,
        onClick: () => post({ type: 'applyFix', uri, node, reason: index, fix: i }),
      }),
    );
  });
  return h('li', null, ...parts);
}

/** Labels the DaemonSet selects on (with the node's value, or its absence) and the node's taints. */
function facts(n: PanelNode): HTMLElement | null {
  const t = s();
  const chips: HTMLElement[] = [];
  for (const l of n.selectorLabels) {
    chips.push(
      h(
        'span',
        { class: `chip label${l.mismatch ? ' bad' : ''}`, attrs: { title: l.key, dir: 'auto' } },
        icon('tag'),
        l.value !== undefined ? isolated(`${l.key}=${l.value}`, [l.key, l.value]) : fmtIsolated(t.labelMissing, l.key),
      ),
    );
  }
  for (const taint of n.taints) {
    chips.push(
      h(
        'span',
        { class: `chip taint${taint.untolerated ? ' bad' : ' ok'}`, attrs: { title: taint.untolerated ? t.taintUntolerated : t.taintTolerated, dir: 'auto' } },
        icon(taint.untolerated ? 'shield' : 'check'),
        breakable(taint.text),
      ),
    );
  }
  return chips.length ? h('div', { class: 'facts' }, ...chips) : null;
}

function rowContent(st: PanelState, n: PanelNode, withReasons: boolean): Child[] {
  const t = s();
  const roles = n.roles.length ? n.roles.join(',') : t.rolesNone;
  const osArch = [n.os, n.arch].filter(Boolean).join('/');
  const bad = n.ready !== 'True' || n.unschedulable;
  return [
    verdictIcon(n.verdict),
    h(
      'div',
      { class: 'row-main' },
      h(
        'div',
        { class: 'row-line' },
        h('span', { class: 'node-name', attrs: { dir: 'auto' } }, breakable(n.name)),
        h('span', { class: `verdict-text ${n.verdict}` }, verdictLabel(n.verdict)),
        h('span', { class: 'chip role', attrs: { title: 'ROLES', dir: 'auto' } }, roles),
        osArch ? h('span', { class: 'chip', attrs: { title: 'kubernetes.io/os / kubernetes.io/arch' } }, osArch) : null,
        h('span', { class: 'chip zone', attrs: { title: 'topology.kubernetes.io/zone', dir: 'auto' } }, n.zone ?? t.zoneNone),
        h('span', { class: `chip status${bad ? ' bad' : ''}`, attrs: { title: 'STATUS' } }, statusText(n)),
        n.existingPod === 'kept' && n.verdict !== 'runs' ? h('span', { class: 'chip' }, t.existingKept) : null,
        n.existingPod === 'evicted' ? h('span', { class: 'chip bad' }, t.existingEvicted) : null,
        excludeButton(st, n),
      ),
      facts(n),
      withReasons && n.reasons.length
        ? h('ul', { class: 'reasons' }, ...n.reasons.map((r, i) => reasonItem(st, n.name, i, r, `${n.name}:${i}`, false, dataValues(n))))
        : null,
      laterReasons(st, n),
      preemption(n),
      ...(n.advice ?? []).map((a) => h('div', { class: 'advice muted' }, icon('info'), h('span', { attrs: { dir: 'auto' } }, isolated(a, dataValues(n))))),
      ...n.evictionWarnings.map((w) => h('div', { class: 'eviction' }, icon('warning'), h('span', { attrs: { dir: 'auto' } }, isolated(w, dataValues(n))))),
    ),
  ];
}

/** What kube-scheduler reports once the first failure is resolved (it stops at the first failing filter). */
function laterReasons(st: PanelState, n: PanelNode): HTMLElement | null {
  const later = n.laterReasons ?? [];
  if (later.length === 0) return null;
  return h(
    'div',
    { class: 'later' },
    h('div', { class: 'later-label muted' }, s().laterReasons),
    h('ul', { class: 'reasons' }, ...later.map((r, j) => reasonItem(st, n.name, n.reasons.length + j, r, `${n.name}:later:${j}`, false, dataValues(n)))),
  );
}

/** A node the pod wins only by preempting other pods: which pods, and what it would meet without preemption. */
function preemption(n: PanelNode): HTMLElement | null {
  const victims = n.preempts ?? [];
  if (victims.length === 0) return null;
  const t = s();
  const names = victims.map((v) => `${v.namespace}/${v.name}${v.priority !== undefined ? ` (${fmt(t.priority, v.priority)})` : ''}`).join(', ');
  return h(
    'div',
    { class: 'preempts' },
    icon('debug-step-over'),
    h('span', { attrs: { dir: 'auto' } }, isolated(fmt(t.preempts, names), dataValues(n))),
    ...(n.preemptedReasons ?? []).map((r) =>
      h('div', { class: 'detail muted', attrs: { dir: 'auto' } }, isolated(`${r.predicate}: ${r.label}${r.detail ? ` — ${r.detail}` : ''}`, dataValues(n))),
    ),
  );
}

/** The node's own remedy: leave it out (proven by the server). An icon at the end of the row's line, shown on hover and focus. */
function excludeButton(st: PanelState, n: PanelNode): HTMLElement | null {
  const f = n.fixes?.[0];
  if (!f) return null;
  return button([icon('circle-slash')], {
    cls: 'icon-button exclude',
    title: `${f.title}. ${s().fixProvenExclude}`,
    aria: f.title,
    focusKey: `exclude:${n.name}`,
    onClick: () => post({ type: 'applyFix', uri: st.uri!, node: n.name, reason: -1, fix: 0 }),
  });
}

function rowAria(n: PanelNode): string {
  const reasons = n.reasons.length ? n.reasons.map((r) => r.label).join('; ') : s().noReason;
  return fmt(s().rowLabel, n.name, verdictLabel(n.verdict), `${statusText(n)}. ${reasons}`);
}

/** A node's row; in grouped mode its reasons are the group's and are not repeated on the row. */
function rowFor(st: PanelState, n: PanelNode, withReasons: boolean): HTMLElement {
  const sig = JSON.stringify([n, st.uri, st.daemonSet?.line, withReasons]);
  let cached = rowCache.get(n.name);
  if (!cached) {
    const el = h('div', { class: 'row', attrs: { role: 'listitem', tabindex: 0, 'data-node': n.name, 'data-focus-key': `row:${n.name}` } });
    cached = { el, sig: '' };
    rowCache.set(n.name, cached);
  }
  if (cached.sig !== sig) {
    cached.sig = sig;
    const el = cached.el;
    el.className = `row ${n.verdict}`;
    el.dataset.verdict = n.verdict;
    el.setAttribute('aria-label', rowAria(n));
    el.replaceChildren();
    append(el, rowContent(st, n, withReasons));
  }
  return cached.el;
}

/** Puts children in order, moving only what is out of place (moves blur; we restore focus after). */
function placeChildren(parent: Element, children: Element[]): void {
  // Leaving elements go first, so the ones kept (a focused row among them) stay put while the window slides.
  const keep = new Set(children);
  for (const c of Array.from(parent.children)) if (!keep.has(c)) c.remove();
  children.forEach((c, i) => {
    if (parent.children[i] !== c) parent.insertBefore(c, parent.children[i] ?? null);
  });
  while (parent.children.length > children.length) parent.lastElementChild!.remove();
}

const groupCache = new Map<
  string,
  { el: HTMLElement; head: HTMLButtonElement; block: HTMLElement; list: HTMLElement; padTop?: HTMLElement; padBottom?: HTMLElement }
>();
let groupIds = 0;

function groupTitle(g: NodeGroup): string {
  return g.reasons.length ? `${verdictLabel(g.verdict)} · ${g.reasons.join(' · ')}` : verdictLabel(g.verdict);
}

function groupFor(st: PanelState, g: NodeGroup): HTMLElement {
  let c = groupCache.get(g.key);
  if (!c) {
    const list = h('div', { class: 'rows', attrs: { role: 'list', id: `g-${++groupIds}` } });
    const head = h('button', {
      class: 'group-head',
      attrs: { type: 'button', 'aria-controls': list.id, 'data-focus-key': `group:${g.key}` },
      on: {
        click: () => {
          const set = new Set(ui.collapsed);
          if (set.has(g.key)) set.delete(g.key);
          else set.add(g.key);
          ui.collapsed = [...set];
          saveUi();
          renderNodes();
        },
      },
    });
    const block = h('div', { class: 'group-block' });
    const el = h('section', { class: `group ${g.verdict}`, attrs: { 'data-group': g.key, 'data-verdict': g.verdict } }, h('h3', null, head), block, list);
    c = { el, head, block, list };
    groupCache.set(g.key, c);
  }
  const collapsed = ui.collapsed.includes(g.key);
  const title = groupTitle(g);
  c.head.setAttribute('aria-expanded', String(!collapsed));
  c.head.setAttribute('aria-label', fmt(s().groupLabel, title, g.nodes.length));
  c.head.replaceChildren(
    icon(collapsed ? 'chevron-right' : 'chevron-down'),
    verdictIcon(g.verdict),
    h('span', { class: 'group-title', attrs: { dir: 'auto' } }, isolated(title, dataValues(g.nodes[0]))),
    h('span', { class: 'badge count-badge' }, String(g.nodes.length)),
  );
  c.list.hidden = collapsed;
  c.block.hidden = collapsed || g.reasons.length === 0;
  // The group's reasons, once: every node of the group has exactly these (the first node's carry the details).
  const first = g.nodes[0];
  const reasons = first?.reasons ?? [];
  updateSection(c.block, JSON.stringify([reasons, first?.name, st.uri, st.daemonSet?.line]), () => [
    h('ul', { class: 'reasons' }, ...reasons.map((r, i) => reasonItem(st, first.name, i, r, `${g.key}:${i}`, reasons.length === 1, dataValues(first)))),
  ]);
  return c.el;
}

/**
 * The node list is virtual: the model (filtered, grouped, sorted) covers every node, the DOM only
 * the rows in view plus an overscan, between spacers that stand for the rest. Row and header
 * heights are measured once rendered; a row not yet rendered is estimated from the first row of
 * the same shape. Lists up to ALL_ROWS_UP_TO rows are rendered whole.
 */
const ALL_ROWS_UP_TO = 200;
/** Hard cap on rendered rows, whatever the heights say. */
const MAX_ROWS = 300;

interface ListSection {
  /** undefined: the flat list (no header). */
  group?: NodeGroup;
  collapsed: boolean;
  nodes: PanelNode[];
}

let listModel: { sections: ListSection[]; withReasons: boolean; rows: number } = { sections: [], withReasons: false, rows: 0 };
/** Measured heights: rows by `name|withReasons`, group headers by key; estimates by row shape. */
const rowHeights = new Map<string, number>();
const headHeights = new Map<string, number>();
const shapeHeights = new Map<string, number>();
/** The row that had focus when it scrolled out of the window (focus then waits on the list itself). */
let parkedFocus: string | undefined;

function shapeOf(n: PanelNode, withReasons: boolean): string {
  return [
    withReasons ? n.reasons.length : -1,
    n.laterReasons?.length ?? 0,
    n.advice?.length ?? 0,
    n.selectorLabels.length + n.taints.length,
    n.preempts?.length ?? 0,
    n.evictionWarnings.length,
    n.existingPod ?? '',
    withReasons ? n.reasons.reduce((a, r) => a + (r.fixes?.length ?? 0), 0) : 0,
  ].join('|');
}

/** Sum and count of the rows measured: their mean estimates a row of a shape not seen yet. */
const measured = { sum: 0, count: 0 };

function rowHeight(n: PanelNode, withReasons: boolean): number {
  return rowHeights.get(`${n.name}|${withReasons}`) ?? shapeHeights.get(shapeOf(n, withReasons)) ?? (measured.count ? measured.sum / measured.count : 80);
}

function headHeight(sec: ListSection): number {
  if (!sec.group) return 0;
  const key = `${sec.group.key}|${sec.collapsed}`;
  return headHeights.get(key) ?? (sec.collapsed || sec.group.reasons.length === 0 ? 32 : 90);
}

function sectionHeights(): SectionHeights[] {
  const w = listModel.withReasons;
  return listModel.sections.map((sec) => ({ head: headHeight(sec), rows: sec.collapsed ? [] : sec.nodes.map((n) => rowHeight(n, w)) }));
}

function renderNodes(): void {
  const st = state;
  if (!st?.daemonSet || !S) return;
  const all = st.daemonSet.placement.nodes;
  const visible = all.filter((n) => matchesFilter(n, ui.filter));
  const t = s();
  shown.textContent = fmt(t.shownOf, visible.length, all.length);
  shown.hidden = !ui.filter;
  noMatch.hidden = visible.length > 0 || all.length === 0;
  groupToggle.setAttribute('aria-pressed', String(ui.grouped));
  groupToggle.title = t.groupByReason;
  groupToggle.setAttribute('aria-label', t.groupByReason);
  groupToggle.replaceChildren(icon(ui.grouped ? 'list-tree' : 'list-flat'));
  sortSelect.value = ui.sort;

  if (ui.grouped) {
    const groups = groupNodes(visible, ui.sort);
    listModel = { sections: groups.map((g) => ({ group: g, collapsed: ui.collapsed.includes(g.key), nodes: g.nodes })), withReasons: false, rows: 0 };
    groupsEl.removeAttribute('role');
  } else {
    listModel = { sections: [{ collapsed: false, nodes: [...visible].sort(compareNodes(ui.sort)) }], withReasons: true, rows: 0 };
    groupsEl.setAttribute('role', 'list');
  }
  listModel.rows = listModel.sections.reduce((a, sec) => a + (sec.collapsed ? 0 : sec.nodes.length), 0);
  renderWindow();
}

const topSpacer = h('div', { class: 'spacer', attrs: { 'aria-hidden': 'true' } });
const bottomSpacer = h('div', { class: 'spacer', attrs: { 'aria-hidden': 'true' } });

function spacer(el: HTMLElement | undefined, height: number): HTMLElement | undefined {
  if (height <= 0.5) return undefined;
  const sp = el ?? h('div', { class: 'spacer', attrs: { 'aria-hidden': 'true' } });
  sp.style.height = `${height}px`;
  return sp;
}

/** Puts the rows of the window in the DOM (and nothing else), then measures what it rendered. */
function renderWindow(depth = 0): void {
  const st = state;
  if (!st?.daemonSet || !S) return;
  // Scrolled to the very end (the scrollbar dragged down, End in the page): stay there while heights get measured.
  const atEnd = window.scrollY > 0 && window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 2;
  const heights = sectionHeights();
  const listTop = groupsEl.getBoundingClientRect().top;
  const whole = listModel.rows <= ALL_ROWS_UP_TO;
  const overscan = Math.max(600, window.innerHeight);
  const from = whole ? -Infinity : -listTop - overscan;
  const to = whole ? Infinity : -listTop + window.innerHeight + overscan;
  const plan = planWindow(heights, from, to, whole ? Infinity : MAX_ROWS);
  const focused = document.activeElement as HTMLElement | null;
  const focusedRow = focused?.classList.contains('row') ? focused.dataset.node : undefined;

  const placed = new Set<string>();
  const measure: { el: HTMLElement; key: string; shape: string }[] = [];
  const heads: { sec: ListSection; el: HTMLElement; list: HTMLElement }[] = [];
  const top: Element[] = [];
  const w = listModel.withReasons;
  const rowsOf = (sec: ListSection, first: number, last: number) =>
    sec.nodes.slice(first, last).map((n, i) => {
      const el = rowFor(st, n, w);
      el.setAttribute('aria-setsize', String(sec.nodes.length));
      el.setAttribute('aria-posinset', String(first + i + 1));
      placed.add(n.name);
      measure.push({ el, key: `${n.name}|${w}`, shape: shapeOf(n, w) });
      return el;
    });
  const topEl = spacer(topSpacer, plan.top);
  if (topEl) top.push(topEl);
  const keys = new Set<string>();
  for (const p of plan.sections) {
    const sec = listModel.sections[p.index];
    const rowEls = sec.collapsed ? [] : rowsOf(sec, p.first, p.last);
    if (sec.group) {
      keys.add(sec.group.key);
      const el = groupFor(st, sec.group);
      const c = groupCache.get(sec.group.key)!;
      el.toggleAttribute('data-first', p.index === 0);
      const inner: Element[] = [];
      const padTop = spacer(c.padTop, p.padTop);
      const padBottom = spacer(c.padBottom, p.padBottom);
      c.padTop = padTop ?? c.padTop;
      c.padBottom = padBottom ?? c.padBottom;
      if (padTop) inner.push(padTop);
      inner.push(...rowEls);
      if (padBottom) inner.push(padBottom);
      placeChildren(c.list, inner);
      heads.push({ sec, el, list: c.list });
      top.push(el);
    } else {
      const padTop = spacer(undefined, p.padTop);
      if (padTop) top.push(padTop);
      top.push(...rowEls);
      const padBottom = spacer(undefined, p.padBottom);
      if (padBottom) top.push(padBottom);
    }
  }
  const bottomEl = spacer(bottomSpacer, plan.bottom);
  if (bottomEl) top.push(bottomEl);
  // A focused row about to leave the DOM hands focus to the list, which keeps the keys working.
  if (focusedRow && !placed.has(focusedRow)) {
    parkedFocus = focusedRow;
    groupsEl.focus({ preventScroll: true });
  }
  placeChildren(groupsEl, top);
  const kept = focusedRow && placed.has(focusedRow) ? rowCache.get(focusedRow)?.el : undefined;
  if (kept && document.activeElement !== kept) kept.focus({ preventScroll: true });
  for (const k of groupCache.keys()) if (!keys.has(k)) groupCache.delete(k);
  for (const k of rowCache.keys()) if (!placed.has(k)) rowCache.delete(k);
  if (parkedFocus && document.activeElement === groupsEl && placed.has(parkedFocus)) {
    rowCache.get(parkedFocus)?.el.focus({ preventScroll: true });
    parkedFocus = undefined;
  }

  // Measure what is rendered (one layout for all of it); a change of a height re-plans once.
  let changed = false;
  for (const m of measure) {
    const hgt = m.el.getBoundingClientRect().height;
    if (hgt <= 0) continue;
    if (rowHeights.get(m.key) !== hgt) {
      rowHeights.set(m.key, hgt);
      changed = true;
    }
    if (!shapeHeights.has(m.shape)) {
      shapeHeights.set(m.shape, hgt);
      measured.sum += hgt;
      measured.count++;
    }
  }
  for (const { sec, el, list } of heads) {
    const hgt = list.getBoundingClientRect().top - el.getBoundingClientRect().top;
    const key = `${sec.group!.key}|${sec.collapsed}`;
    if (hgt > 0 && headHeights.get(key) !== hgt) {
      headHeights.set(key, hgt);
      changed = true;
    }
  }
  // Better heights move rows: plan again (a few times at most), at the end of the page if that is where it was.
  if (changed && !whole && depth < 4) {
    if (atEnd) window.scrollTo(0, document.documentElement.scrollHeight);
    renderWindow(depth + 1);
  }
}

let frame = 0;
function scheduleWindow(): void {
  if (frame) return;
  frame = requestAnimationFrame(() => {
    frame = 0;
    if (listModel.rows > ALL_ROWS_UP_TO) renderWindow();
  });
}
window.addEventListener('scroll', scheduleWindow, { passive: true });
window.addEventListener('resize', () => {
  // Rows wrap differently at another width: measure again.
  rowHeights.clear();
  headHeights.clear();
  shapeHeights.clear();
  measured.sum = measured.count = 0;
  scheduleWindow();
});

/** Every row reachable with the keyboard, in order: the rows of expanded groups, or the flat list. */
function navigable(): { sec: number; row: number; n: PanelNode }[] {
  const out: { sec: number; row: number; n: PanelNode }[] = [];
  listModel.sections.forEach((sec, si) => {
    if (!sec.collapsed) sec.nodes.forEach((n, ri) => out.push({ sec: si, row: ri, n }));
  });
  return out;
}

/** Focuses a row, bringing it into the window first when it is not rendered (heights measured on the way may move it: try again). */
function focusRow(target: { sec: number; row: number; n: PanelNode }): void {
  for (let attempt = 0; attempt < 5; attempt++) {
    let el = rowCache.get(target.n.name)?.el;
    if (!el?.isConnected) {
      const y = groupsEl.getBoundingClientRect().top + window.scrollY + rowOffset(sectionHeights(), target.sec, target.row);
      window.scrollTo(0, Math.max(0, y - window.innerHeight / 3));
      renderWindow();
      el = rowCache.get(target.n.name)?.el;
      if (!el?.isConnected) continue;
    }
    el.scrollIntoView({ block: 'nearest' });
    // The window follows the scroll now rather than a frame later, so the row is still there after it.
    renderWindow();
    if (!el.isConnected) continue;
    el.focus({ preventScroll: true });
    parkedFocus = undefined;
    return;
  }
}

function restoreFocus(key: string | undefined): void {
  if (!key) return;
  const active = document.activeElement as HTMLElement | null;
  if (active && active !== document.body && active.dataset.focusKey === key) return;
  const el = Array.from(document.querySelectorAll<HTMLElement>('[data-focus-key]')).find((e) => e.dataset.focusKey === key);
  if (el && !el.closest('[hidden]')) el.focus({ preventScroll: true });
}

// ---------------------------------------------------------------- footprint and rollout

function renderFootprint(st: PanelState): void {
  const f = st.daemonSet?.footprint;
  footprintEl.hidden = !f;
  if (!f) return;
  updateSection(footprintEl, JSON.stringify(f), () => {
    const t = s();
    const none = f.perPod.cpuMilli === 0 && f.perPod.memoryBytes === 0;
    const cell = (k: string, v: string) => h('td', { attrs: { 'data-k': k } }, v);
    const out: Child[] = [
      h('h2', { attrs: { id: 'footprint-h' } }, icon('dashboard'), ' ', t.footprint),
      h(
        'table',
        { class: 'numbers' },
        h(
          'thead',
          null,
          h(
            'tr',
            null,
            h('th', { attrs: { scope: 'col' } }, ''),
            h('th', { attrs: { scope: 'col' } }, t.cpu),
            h('th', { attrs: { scope: 'col' } }, t.memory),
            ...f.other.map((o) => h('th', { attrs: { scope: 'col' } }, o.name)),
          ),
        ),
        h(
          'tbody',
          null,
          h(
            'tr',
            null,
            h('th', { attrs: { scope: 'row' } }, t.perPod),
            cell('cpu', f.text.cpu),
            cell('memory', f.text.memory),
            ...f.other.map((o) => cell(`other:${o.name}`, o.perPod)),
          ),
          h(
            'tr',
            { class: 'total' },
            h(
              'th',
              { attrs: { scope: 'row' } },
              h('div', null, t.clusterWide),
              h('div', { class: 'muted', attrs: { 'data-k': 'nodes' } }, fmt(t.timesNodes, f.nodes)),
            ),
            cell('totalCpu', f.text.totalCpu),
            cell('totalMemory', f.text.totalMemory),
            ...f.other.map((o) => cell(`otherTotal:${o.name}`, o.total)),
          ),
        ),
      ),
    ];
    if (none) out.push(banner('warning', undefined, [t.noRequests]));
    else out.push(h('p', { class: 'muted grows' }, fmt(t.footprintGrows, f.text.cpu, f.text.memory)));
    if (f.pending > 0 && !none) {
      out.push(h('p', { class: 'muted pending-note' }, fmt(t.footprintPending, f.pending, f.text.pendingCpu, f.text.pendingMemory)));
    }
    return out;
  });
}

function intOrPercent(label: string, v: NonNullable<RolloutPlan['maxUnavailable']>, desired: number, key: string): HTMLElement {
  const t = s();
  const pct = typeof v.raw === 'string' && v.raw.endsWith('%') && v.value !== undefined;
  return h(
    'div',
    { class: 'kv', attrs: { 'data-k': key } },
    h('span', { class: 'k' }, label),
    h(
      'span',
      { class: 'v' },
      h('code', null, String(v.raw)),
      v.defaulted ? h('span', { class: 'muted' }, ` ${t.defaulted}`) : null,
      pct ? h('span', { class: 'muted' }, ` → ${fmt(t.rolloutPercent, String(v.raw), desired, v.value!)}`) : null,
    ),
  );
}

function renderRollout(st: PanelState): void {
  const r = st.daemonSet?.rollout;
  rolloutEl.hidden = !r;
  if (!r) return;
  updateSection(rolloutEl, JSON.stringify(r), () => {
    const t = s();
    const out: Child[] = [h('h2', { attrs: { id: 'rollout-h' } }, icon('sync'), ' ', t.rollout, ' ', h('code', { class: 'strategy' }, r.type))];
    if (r.type === 'OnDelete') {
      out.push(h('p', { class: 'ondelete' }, t.onDelete));
      return out;
    }
    if (r.type !== 'RollingUpdate') {
      out.push(banner('error', undefined, [fmt(t.rolloutUnknown, r.type)]));
      return out;
    }
    if (r.maxUnavailable) out.push(intOrPercent('maxUnavailable', r.maxUnavailable, r.desired, 'maxUnavailable'));
    if (r.maxSurge) out.push(intOrPercent('maxSurge', r.maxSurge, r.desired, 'maxSurge'));
    out.push(
      h(
        'div',
        { class: 'kv', attrs: { 'data-k': 'minReadySeconds' } },
        h('span', { class: 'k' }, 'minReadySeconds'),
        h('span', { class: 'v' }, h('code', null, String(r.minReadySeconds))),
      ),
    );
    if (r.error) {
      out.push(banner('error', undefined, [fmt(t.rolloutError, r.error)]));
      return out;
    }
    if (r.desired === 0) {
      out.push(h('p', { class: 'muted' }, t.rolloutNoNodes));
      return out;
    }
    out.push(
      h(
        'div',
        { class: 'stats' },
        stat('step', t.perWave, r.step ?? 0, r.surge ? 'maxSurge' : 'maxUnavailable'),
        stat('waves', t.waves, r.waves ?? 0),
        stat('desired', t.colDesired, r.desired),
      ),
      h('p', { class: 'plan' }, fmt(r.surge ? t.rolloutSurge : t.rolloutUnavailable, r.step ?? 0, r.waves ?? 0, r.desired)),
    );
    if (r.fallbackToOne) out.push(h('p', { class: 'muted' }, t.rolloutFallback));
    out.push(h('p', { class: 'muted' }, r.minReadySeconds > 0 ? fmt(t.minReady, r.minReadySeconds) : t.minReadyZero));
    return out;
  });
}

// ---------------------------------------------------------------- render and messages

function renderStatic(): void {
  const t = s();
  document.title = t.pageTitle;
  nodesHeading.replaceChildren(icon('server-environment'), ' ', t.nodes);
  filterInput.placeholder = t.filterPlaceholder;
  filterInput.setAttribute('aria-label', t.filterLabel);
  sortLabel.textContent = t.sortLabel;
  sortSelect.replaceChildren(
    h('option', { attrs: { value: 'verdict' } }, t.sortVerdict),
    h('option', { attrs: { value: 'name' } }, t.sortName),
    h('option', { attrs: { value: 'zone' } }, t.sortZone),
  );
  sortSelect.value = ui.sort;
  noMatch.replaceChildren(
    h('span', null, t.noMatch),
    ' ',
    button([h('span', null, t.clearFilter)], {
      cls: 'link-button',
      focusKey: 'clear',
      onClick: () => {
        filterInput.value = '';
        ui.filter = '';
        saveUi();
        renderNodes();
        filterInput.focus();
      },
    }),
  );
}

/** Which DaemonSet the page shows: a different one starts at the top, the same one keeps its scroll. */
let shownIdentity: string | undefined;

function render(): void {
  if (!state || !S) return;
  const identity = JSON.stringify([state.uri, state.daemonSet?.namespace, state.daemonSet?.name]);
  if (shownIdentity !== undefined && identity !== shownIdentity) window.scrollTo(0, 0);
  shownIdentity = identity;
  const focusKey = (document.activeElement as HTMLElement | null)?.dataset?.focusKey;
  app.setAttribute('aria-busy', 'false');
  renderHeader(state);
  renderBanners(state);
  if (renderEmpty(state)) return restoreFocus(focusKey);
  renderSummary(state);
  renderChanges(state);
  renderNodes();
  renderFootprint(state);
  renderRollout(state);
  restoreFocus(focusKey);
}

/** Row keyboard navigation: arrows move between rows (scrolling the window), Enter/Space activates the row's first reason. */
groupsEl.addEventListener('keydown', (e) => {
  const target = e.target as HTMLElement;
  const onList = target === groupsEl;
  if (!onList && !target.classList.contains('row')) return;
  const name = onList ? parkedFocus : target.dataset.node;
  const list = navigable();
  const i = list.findIndex((x) => x.n.name === name);
  if (e.key === 'Enter' || e.key === ' ') {
    e.preventDefault();
    if (!onList) activateRow(target);
    else if (i >= 0) focusRow(list[i]);
    return;
  }
  let next: number;
  if (e.key === 'ArrowDown') next = Math.min(i + 1, list.length - 1);
  else if (e.key === 'ArrowUp') next = i - 1;
  else if (e.key === 'Home') next = 0;
  else if (e.key === 'End') next = list.length - 1;
  else return;
  e.preventDefault();
  if (next < 0) filterInput.focus();
  else if (list[next]) focusRow(list[next]);
});
groupsEl.addEventListener('click', (e) => {
  const row = (e.target as HTMLElement).closest<HTMLElement>('.row');
  if (row && !(e.target as HTMLElement).closest('button')) activateRow(row);
});

function activateRow(row: HTMLElement): void {
  const st = state;
  if (!st?.daemonSet || !st.uri) return;
  const n = st.daemonSet.placement.nodes.find((x) => x.name === row.dataset.node);
  if (!n) return;
  if (n.reasons[0]) post({ type: 'reveal', uri: st.uri, node: n.name, reason: 0 });
  else post({ type: 'goToLine', uri: st.uri, line: st.daemonSet.line });
}

window.addEventListener('message', (ev: MessageEvent) => {
  const m = ev.data as ToPage;
  if (!m || typeof m !== 'object') return;
  if (m.type === 'init') {
    S = m.strings;
    beside = m.beside === true;
    // Beside the editor the page is wider than the sidebar: CSS may use the room.
    document.body.classList.toggle('beside', beside);
    state = m.state;
    renderStatic();
    render();
  } else if (m.type === 'state') {
    state = m.state;
    render();
  } else if (m.type === 'patch') {
    // Only what changed since the last state; a patch that does not fit asks for the whole state again.
    const next = state && Array.isArray(m.ops) ? applyPatch(state, m.ops) : undefined;
    if (!next) return post({ type: 'ready' });
    state = next;
    render();
  } else if (m.type === 'busy') {
    progress.classList.toggle('active', m.busy === true);
  }
});

post({ type: 'ready' });
