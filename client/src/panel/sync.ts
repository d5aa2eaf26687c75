/**
 * What the extension posts to a page, and what it accepts from one. Pure (no vscode, no I/O) so
 * node:test loads it: the controller keeps the last state it posted to each page and posts only
 * what changed (nothing for an identical answer, one node for a node that changed), and checks
 * every message a page sends against the answer it holds before acting on it.
 */
import type { PlacementAnswer } from '../../../server/src/protocol';
import type { FromPage, PatchOp, ToPage } from './messages';
// The page applies what diffState produces (client/src/webview/patch.ts).
import type { PanelNode, PanelReason, PanelState } from './model';

// ---------------------------------------------------------------- posting changes

/** Where the diff descends instead of replacing: the state, its DaemonSet, its placement and the node list (by index). */
const DESCEND = new Set(['', 'daemonSet', 'daemonSet.placement', 'daemonSet.placement.nodes']);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function diffInto(prev: unknown, next: unknown, path: (string | number)[], out: PatchOp[]): void {
  if (DESCEND.has(path.join('.'))) {
    if (Array.isArray(prev) && Array.isArray(next)) {
      if (prev.length === next.length) {
        for (let i = 0; i < next.length; i++) if (JSON.stringify(prev[i]) !== JSON.stringify(next[i])) out.push({ p: [...path, i], v: next[i] });
        return;
      }
    } else if (isObject(prev) && isObject(next)) {
      for (const k of Object.keys(prev)) if (!(k in next) || next[k] === undefined) if (prev[k] !== undefined) out.push({ p: [...path, k] });
      for (const k of Object.keys(next)) if (next[k] !== undefined) diffInto(prev[k], next[k], [...path, k], out);
      return;
    }
  }
  if (JSON.stringify(prev) !== JSON.stringify(next)) out.push({ p: path, v: next });
}

/** The operations that turn `prev` into `next` (empty when they are the same). */
export function diffState(prev: PanelState, next: PanelState): PatchOp[] {
  const out: PatchOp[] = [];
  diffInto(prev, next, [], out);
  return out;
}

/**
 * The extension's memory of what each page was last sent. `message()` answers what to post for a
 * new state: the whole state the first time (or when a patch would be nearly as big), the changed
 * parts after that, and nothing at all when nothing changed.
 */
export class StatePoster<P> {
  private readonly last = new Map<P, PanelState>();

  message(page: P, state: PanelState): ToPage | undefined {
    const prev = this.last.get(page);
    this.last.set(page, state);
    if (!prev) return { type: 'state', state };
    const ops = diffState(prev, state);
    if (ops.length === 0) return undefined;
    // A different DaemonSet or file replaces everything: send it as a state, not as one big operation.
    if (ops.some((o) => o.p.length === 0 || (o.p.length === 1 && o.p[0] === 'daemonSet'))) return { type: 'state', state };
    return { type: 'patch', ops };
  }

  /** The page was sent this state in full (its init message). */
  sent(page: P, state: PanelState): void {
    this.last.set(page, state);
  }

  /** The page reloaded or closed: its next message is a whole state. */
  forget(page: P): void {
    this.last.delete(page);
  }
}

/** What the last answer covers: a cursor move that stays inside it needs no new answer. */
export interface AnswerKey {
  uri: string;
  version: number | undefined;
  dirty: boolean;
  /** Bumped when the inventory, the settings or the server changes. */
  epoch: number;
  /** The shown DaemonSet's lines, or every line when the file has only one DaemonSet (the server picks it wherever the cursor is). */
  lines?: { start: number; end: number };
}

export function answerKey(uri: string, dirty: boolean, epoch: number, answer: PlacementAnswer): AnswerKey {
  const ds = answer.daemonSet;
  const lines =
    ds && answer.daemonSets.length === 1 ? { start: 0, end: Number.MAX_SAFE_INTEGER } : ds ? { start: ds.range.start.line, end: ds.range.end.line } : undefined;
  return { uri, version: answer.version, dirty, epoch, lines };
}

/** Whether asking the server again would bring the same answer: same file, version, inventory, and the cursor still in the same DaemonSet. */
export function answerStillValid(last: AnswerKey | undefined, now: Omit<AnswerKey, 'lines'> & { line: number }): boolean {
  return (
    !!last &&
    last.lines !== undefined &&
    last.version !== undefined &&
    last.uri === now.uri &&
    last.version === now.version &&
    last.dirty === now.dirty &&
    last.epoch === now.epoch &&
    now.line >= last.lines.start &&
    now.line <= last.lines.end
  );
}

// ---------------------------------------------------------------- checking what a page asks for

type Range = PanelReason['range'] & object;
/** An edit of a remedy, as the server computed it. */
export type TextEdit = NonNullable<PanelReason['fixes']>[number]['edits'][number];

/** What the panel shows: the document (its uri and length) and the server's answer for it. */
export interface Shown {
  uri: string;
  lineCount: number;
  answer: PlacementAnswer;
}

export type PageRequest =
  | { type: 'ready' }
  | { type: 'selectInventory' }
  | { type: 'refreshInventory' }
  | { type: 'reveal'; uri: string; range: Range }
  | { type: 'applyFix'; uri: string; edits: TextEdit[] }
  | { type: 'goToLine'; uri: string; line: number };

export type Checked = { ok: true; request: PageRequest } | { ok: false; why: string };

const isIndex = (v: unknown, length: number): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v < length;

function rangeInside(r: Range | undefined, lineCount: number): boolean {
  if (!r) return false;
  const ok = (p: { line: number; character: number }) => isIndex(p.line, lineCount) && Number.isInteger(p.character) && p.character >= 0;
  return ok(r.start) && ok(r.end) && (r.start.line < r.end.line || (r.start.line === r.end.line && r.start.character <= r.end.character));
}

function nodeOf(shown: Shown, name: unknown): PanelNode | undefined {
  if (typeof name !== 'string') return undefined;
  return shown.answer.daemonSet?.placement.nodes.find((n) => n.name === name);
}

/** Reason `index` of a node: its reasons, then the ones the scheduler reports after them. */
function reasonOf(n: PanelNode, index: unknown): PanelReason | undefined {
  const later = n.laterReasons ?? [];
  if (!isIndex(index, n.reasons.length + later.length)) return undefined;
  return index < n.reasons.length ? n.reasons[index] : later[index - n.reasons.length];
}

/**
 * Checks a message from a page against what the panel shows. Only the shown document, nodes and
 * reasons of the answer held, integer indexes within bounds and ranges inside the document pass;
 * a node, reason, range or edit is always taken from the answer, never from the page.
 */
export function checkPageMessage(m: unknown, shown: Shown | undefined): Checked {
  const bad = (why: string): Checked => ({ ok: false, why });
  if (!isObject(m) || typeof m.type !== 'string') return bad('not a message');
  const msg = m as Partial<FromPage> & Record<string, unknown>;
  switch (msg.type) {
    case 'ready':
    case 'selectInventory':
    case 'refreshInventory':
      return { ok: true, request: { type: msg.type } };
    case 'reveal':
    case 'applyFix':
    case 'goToLine':
      break;
    default:
      return bad(`unknown message type ${JSON.stringify(String(msg.type).slice(0, 40))}`);
  }
  if (!shown) return bad(`${msg.type}: the panel shows no document`);
  if (typeof msg.uri !== 'string' || msg.uri !== shown.uri) return bad(`${msg.type}: not the document the panel shows`);
  const uri = shown.uri;
  if (msg.type === 'goToLine') {
    if (!isIndex(msg.line, shown.lineCount)) return bad(`goToLine: line ${String(msg.line)} is not a line of the document`);
    return { ok: true, request: { type: 'goToLine', uri, line: msg.line } };
  }
  const node = nodeOf(shown, msg.node);
  if (!node) return bad(`${msg.type}: no such node in the answer shown`);
  if (msg.type === 'reveal') {
    const reason = reasonOf(node, msg.reason);
    if (!reason) return bad(`reveal: reason ${String(msg.reason)} is not a reason of the node`);
    // A reason without a place of its own reveals the DaemonSet.
    const ds = shown.answer.daemonSet!;
    const range = reason.range ?? { start: { line: ds.line, character: 0 }, end: { line: ds.line, character: 0 } };
    if (!rangeInside(range, shown.lineCount)) return bad('reveal: the range is outside the document');
    return { ok: true, request: { type: 'reveal', uri, range } };
  }
  // applyFix: reason -1 is one of the node's own remedies (leave it out).
  const fixes = msg.reason === -1 ? node.fixes : reasonOf(node, msg.reason)?.fixes;
  if (!fixes) return bad(`applyFix: reason ${String(msg.reason)} of the node has no fixes`);
  if (!isIndex(msg.fix, fixes.length)) return bad(`applyFix: fix ${String(msg.fix)} is not a fix of that reason`);
  const edits = fixes[msg.fix].edits;
  if (!edits.every((e) => rangeInside(e.range, shown.lineCount))) return bad('applyFix: an edit is outside the document');
  return { ok: true, request: { type: 'applyFix', uri, edits } };
}
