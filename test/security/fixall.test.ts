/**
 * Fix-all on save must not change what a DaemonSet does (issue 10, item 4), through the built
 * server over stdio. A user's global `"editor.codeActionsOnSave": {"source.fixAll": "explicit"}`
 * asks every server for `only: ['source.fixAll']` on every save, and VS Code's kinds are
 * hierarchical (`source.fixAll` matches `source.fixAll.daemonset` too), so the protection is the
 * content: fix-all may only correct spellings the API server rejects (an enum value, a removed
 * apiVersion). The checker below parses the text before and after the edit and allows exactly
 * those differences. Quick fixes are ordered so that a finding the user can hardly see (a hint,
 * drawn as dots) never comes first in the light bulb.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver-protocol';
import { applyEdits, LspClient } from '../helpers/lsp-client';
import { sharedPath } from '../helpers/paths';
import { resolvePath } from '../../server/src/schema/schema';
import type { PathSeg } from '../../server/src/yaml/types';

const FIX_ALL_KIND = 'source.fixAll.daemonset';
const REMOVED_API_VERSIONS = new Set(['extensions/v1beta1', 'apps/v1beta1', 'apps/v1beta2']);

function whole(text: string) {
  return { start: { line: 0, character: 0 }, end: { line: text.split('\n').length, character: 0 } };
}

function parse(text: string): unknown[] {
  return parseAllDocuments(text, { version: '1.1', uniqueKeys: false }).map((d) => d.toJS({ maxAliasCount: -1 }));
}

/** A difference between the object before and after, with the DaemonSet-relative path. */
interface Change {
  doc: number;
  path: PathSeg[];
  before: unknown;
  after: unknown;
}

function diff(a: unknown, b: unknown, doc: number, at: PathSeg[], out: Change[]): void {
  if (Object.is(a, b)) return;
  const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      if (i >= a.length || i >= b.length) out.push({ doc, path: [...at, i], before: a[i], after: b[i] });
      else diff(a[i], b[i], doc, [...at, i], out);
    }
    return;
  }
  if (isObj(a) && isObj(b)) {
    for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
      if (!(k in a) || !(k in b)) out.push({ doc, path: [...at, k], before: a[k], after: b[k] });
      else diff(a[k], b[k], doc, [...at, k], out);
    }
    return;
  }
  out.push({ doc, path: at, before: a, after: b });
}

/**
 * Why a change is not mechanical, or undefined when it is: a DaemonSet's apiVersion moved from a
 * removed (or unserved) version to apps/v1, or a string the schema's enum rejects replaced by one
 * it accepts. Anything else (an added or removed key, a number, a bool, a toleration) is behaviour.
 */
function notMechanical(c: Change, docs: unknown[]): string | undefined {
  const obj = docs[c.doc] as Record<string, unknown> | null;
  if (!obj || obj.kind !== 'DaemonSet') return 'a change outside a DaemonSet';
  if (c.path.length === 1 && c.path[0] === 'apiVersion')
    return c.after === 'apps/v1' && typeof c.before === 'string' && (REMOVED_API_VERSIONS.has(c.before) || c.before !== 'apps/v1')
      ? undefined
      : 'apiVersion changed to something other than apps/v1';
  if (typeof c.before !== 'string' || typeof c.after !== 'string') return 'not a string replaced by a string';
  const allowed = resolvePath(c.path)?.field?.enum?.map((e) => e.value);
  if (!allowed?.length) return 'not an enum field';
  if (allowed.includes(c.before)) return 'the old value was already valid';
  if (!allowed.includes(c.after)) return 'the new value is not an allowed value';
  return undefined;
}

function offences(before: string, after: string): string[] {
  const a = parse(before);
  const b = parse(after);
  assert.equal(b.length, a.length, 'fix-all changed the number of documents');
  const changes: Change[] = [];
  a.forEach((doc, i) => diff(doc, b[i], i, [], changes));
  return changes.flatMap((c) => {
    const why = notMechanical(c, a);
    return why ? [`doc ${c.doc} ${c.path.join('.')}: ${JSON.stringify(c.before)} → ${JSON.stringify(c.after)} (${why})`] : [];
  });
}

function editsOf(action: CodeAction, uri: string): TextEdit[] {
  return action.edit?.changes?.[uri] ?? [];
}

describe('fix-all on save changes only spellings', () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start({ settings: { daemonset: { rules: {}, maxFileSizeMB: 5 } }, timeoutMs: 30_000 });
  });
  after(() => client.kill());

  /** What `"source.fixAll": "explicit"` on save asks for, applied the way the editor would. */
  async function fixAllOnSave(uri: string, text: string): Promise<{ actions: CodeAction[]; fixed: string }> {
    await client.open(uri, text);
    await client.waitForDiagnostics(uri, { version: 1 });
    const actions = ((await client.codeActions(uri, whole(text), [], ['source.fixAll'])) ?? []) as CodeAction[];
    let fixed = text;
    for (const a of actions) fixed = applyEdits(fixed, editsOf(a, uri));
    return { actions, fixed };
  }

  test('calico-node: no readOnly on the CNI and BPF directories, no invented limits, nothing at all to change', async () => {
    const text = readFileSync(sharedPath('corpus', 'daemonsets', 'calico--calico-node.yaml'), 'utf8');
    const { actions, fixed } = await fixAllOnSave('file:///security/fixall/calico-node.yaml', text);
    const added = actions.flatMap((a) => editsOf(a, 'file:///security/fixall/calico-node.yaml').map((e) => e.newText)).join('\n');
    assert.doesNotMatch(added, /readOnly/, 'fix-all sets readOnly on host paths the agent writes (/host/opt/cni/bin, /host/etc/cni/net.d, /sys/fs/bpf)');
    assert.doesNotMatch(added, /limits|memory|cpu/, 'fix-all invents resources');
    for (const a of actions) assert.equal(a.kind, FIX_ALL_KIND);
    assert.deepEqual(offences(text, fixed), []);
    assert.equal(fixed, text, 'calico-node has no misspelling, so fix-all changes nothing');
  });

  test('calico-node with a misspelled enum: fix-all is source.fixAll.daemonset and corrects only the spelling', async () => {
    const original = readFileSync(sharedPath('corpus', 'daemonsets', 'calico--calico-node.yaml'), 'utf8');
    const dsStart = original.indexOf('kind: DaemonSet');
    const at = original.indexOf('operator: Exists', dsStart);
    assert.ok(dsStart >= 0 && at > 0, 'calico-node has a toleration with operator: Exists');
    const text = `${original.slice(0, at)}operator: exists${original.slice(at + 'operator: Exists'.length)}`;
    const uri = 'file:///security/fixall/calico-node-typo.yaml';
    const { actions, fixed } = await fixAllOnSave(uri, text);
    assert.deepEqual(
      actions.map((a) => a.kind),
      [FIX_ALL_KIND],
    );
    assert.deepEqual(offences(text, fixed), []);
    assert.equal(fixed, original, 'the only change is the spelling of Exists');
  });

  test('every DaemonSet of the corpus: fix-all never changes a behaviour-relevant field', async () => {
    const dirs = [sharedPath('corpus', 'daemonsets'), sharedPath('corpus', 'daemonsets', 'nonvalid'), sharedPath('corpus', 'broken')];
    const problems: string[] = [];
    let files = 0;
    for (const dir of dirs) {
      for (const name of readdirSync(dir).filter((f) => f.endsWith('.yaml'))) {
        const text = readFileSync(path.join(dir, name), 'utf8');
        // Files that do not parse as they stand (an unrendered template) have nothing to compare.
        if (parseAllDocuments(text, { version: '1.1', uniqueKeys: false }).some((d) => d.errors.length > 0)) continue;
        files++;
        const uri = `file:///security/fixall/corpus/${path.basename(dir)}/${name}`;
        const { actions, fixed } = await fixAllOnSave(uri, text);
        for (const a of actions) if (a.kind !== FIX_ALL_KIND) problems.push(`${name}: kind ${a.kind}`);
        problems.push(...offences(text, fixed).map((o) => `${name}: ${o}`));
      }
    }
    assert.ok(files >= 45, `only ${files} corpus files were checked`);
    assert.deepEqual(problems, []);
  });

  test('the server declares source.fixAll.daemonset, not the generic source.fixAll', () => {
    const provider = client.initializeResult?.capabilities.codeActionProvider;
    assert.ok(provider && typeof provider === 'object', 'a code action provider with kinds');
    assert.ok(provider.codeActionKinds?.includes(FIX_ALL_KIND));
    assert.ok(!provider.codeActionKinds?.includes('source.fixAll'));
  });

  test("the light bulb's first action on a hint + a warning is the warning's fix, and a hint's fix is never preferred", async () => {
    const text = `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: reporter
  namespace: monitoring
spec:
  selector:
    matchLabels: {app: reporter}
  template:
    metadata:
      labels: {app: reporter}
    spec:
      priorityClassName: system-node-critical
      containers:
        - name: reporter
          image: registry.example.com/reporter:1.0
          resources:
            requests: {cpu: 10m, memory: 32Mi}
            limits: {memory: 32Mi}
          readinessProbe:
            httpGet: {path: /healthz, port: 8080}
          securityContext:
            runAsNonRoot: true
            allowPrivilegeEscalation: true
          volumeMounts:
            - name: reports
              mountPath: /srv/reports
      volumes:
        - name: reports
          hostPath:
            path: /srv/reports
`;
    const uri = 'file:///security/fixall/lightbulb.yaml';
    await client.open(uri, text);
    const { diagnostics } = await client.waitForDiagnostics(uri, { version: 1 });
    const hint = diagnostics.find((d) => d.code === 'writable-host-path');
    const warning = diagnostics.find((d) => d.code === 'allow-privilege-escalation');
    assert.equal(hint?.severity, 4, `a hint for the writable mount: ${JSON.stringify(diagnostics.map((d) => [d.code, d.severity]))}`);
    assert.equal(warning?.severity, 2, 'a warning for allowPrivilegeEscalation: true');
    // The cursor on the container: a selection from its securityContext to its mount.
    const lines = text.split('\n');
    const range = {
      start: { line: lines.findIndex((l) => l.includes('securityContext:')), character: 0 },
      end: { line: lines.findIndex((l) => l.includes('mountPath: /srv/reports')), character: 40 },
    };
    const actions = ((await client.codeActions(uri, range, [hint!, warning!] as Diagnostic[], ['quickfix'])) ?? []) as CodeAction[];
    const codeOf = (a: CodeAction) => a.diagnostics?.[0]?.code;
    assert.ok(actions.length >= 2, JSON.stringify(actions.map((a) => a.title)));
    assert.equal(codeOf(actions[0]), 'allow-privilege-escalation', `first: ${actions[0].title}`);
    for (const a of actions) if (a.diagnostics?.[0]?.severity === 4) assert.ok(!a.isPreferred, `a hint's fix is preferred: ${a.title}`);
    // VS Code puts preferred actions first whatever the server's order: none may outrank the warning's.
    const firstPreferred = actions.find((a) => a.isPreferred);
    if (firstPreferred) assert.equal(codeOf(firstPreferred), 'allow-privilege-escalation');
  });
});
