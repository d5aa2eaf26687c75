/**
 * Deterministic generators shared by the fuzz test, the protocol tests and the bench:
 * realistic DaemonSets, mutations of real manifests, random YAML, and hostile inputs.
 * Everything is driven by a seeded PRNG so a failure can be replayed from its seed.
 */

/** mulberry32: small, fast, and good enough to fuzz with. */
export class Rng {
  private state: number;
  constructor(readonly seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** Integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  range(lo: number, hi: number): number {
    return lo + this.int(hi - lo + 1);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }
}

const EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];
const ARCHES = ['amd64', 'arm64'];
const IMAGES = [
  'registry.k8s.io/pause:3.10',
  'quay.io/prometheus/node-exporter:v1.8.2',
  'fluent/fluent-bit:3.1.9',
  'docker.io/calico/node:v3.28.1',
  'busybox:1.36.1',
];

/** One realistic, valid apps/v1 DaemonSet (~50 lines): tolerations, affinity, containers, volumes. */
export function realisticDaemonSet(rng: Rng, index: number): string {
  const name = `agent-${index}`;
  const containers: string[] = [];
  const nContainers = rng.chance(0.3) ? 2 : 1;
  for (let c = 0; c < nContainers; c++) {
    containers.push(
      `        - name: c${c}
          image: ${rng.pick(IMAGES)}
          args: [--path.rootfs=/host, --log-level=info]
          ports: [{ containerPort: ${9100 + c} }]
          resources:
            requests: { cpu: ${rng.range(10, 200)}m, memory: ${rng.range(16, 256)}Mi }
          volumeMounts:
            - name: host-root
              mountPath: /host
              readOnly: true`,
    );
  }
  return `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: ${name}
  namespace: kube-system
  labels:
    app.kubernetes.io/name: ${name}
spec:
  selector:
    matchLabels:
      app.kubernetes.io/name: ${name}
  template:
    metadata:
      labels:
        app.kubernetes.io/name: ${name}
    spec:
      priorityClassName: system-node-critical
      hostNetwork: ${rng.chance(0.5)}
      tolerations:
        - key: node-role.kubernetes.io/control-plane
          operator: Exists
          effect: NoSchedule
        - key: dedicated
          operator: Equal
          value: infra
          effect: ${rng.pick(EFFECTS)}
      affinity:
        nodeAffinity:
          requiredDuringSchedulingIgnoredDuringExecution:
            nodeSelectorTerms:
              - matchExpressions:
                  - key: kubernetes.io/arch
                    operator: In
                    values: [${rng.pick(ARCHES)}]
                  - key: kubernetes.io/os
                    operator: In
                    values: [linux]
      containers:
${containers.join('\n')}
      volumes:
        - name: host-root
          hostPath:
            path: /
            type: Directory
`;
}

/** `count` realistic DaemonSets as one multi-document file. */
export function manyDaemonSets(count: number, seed = 1): string {
  const rng = new Rng(seed);
  const docs: string[] = [];
  for (let i = 0; i < count; i++) docs.push(realisticDaemonSet(rng, i));
  return docs.join('---\n');
}

/** A valid DaemonSet padded with a huge ConfigMap-ish block scalar up to about `bytes` characters. */
export function largeDaemonSetFile(bytes: number, seed = 7): string {
  const head = realisticDaemonSet(new Rng(seed), 0);
  const line = '    # padding line to make the file large, nothing to see here ...........\n';
  const count = Math.max(0, Math.ceil((bytes - head.length) / line.length));
  return `${head}---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big\ndata:\n  blob: |\n${line.repeat(count)}`;
}

/** Realistic DaemonSets (about 1.5 KB each) as one multi-document file of at most `bytes` characters. */
export function daemonSetsOfSize(bytes: number, seed = 1): string {
  const rng = new Rng(seed);
  const docs: string[] = [];
  let size = 0;
  for (let i = 0; ; i++) {
    const doc = realisticDaemonSet(rng, i);
    if (size + doc.length + 4 > bytes) break;
    docs.push(doc);
    size += doc.length + 4;
  }
  return docs.join('---\n');
}

/** `count` minimal DaemonSets of a few lines each: thousands of documents in a small file. */
export function tinyDaemonSets(count: number): string {
  const docs: string[] = [];
  for (let i = 0; i < count; i++)
    docs.push(
      `apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: t${i}\nspec:\n  selector:\n    matchLabels: {app: t${i}}\n  template:\n    metadata:\n      labels: {app: t${i}}\n    spec:\n      containers:\n        - name: c\n          image: busybox:1.36.1\n`,
    );
  return docs.join('---\n');
}

/**
 * One DaemonSet document of about `bytes` characters: a container with a huge `env` list, a huge
 * `annotations` map, or blocks of deeply `nested` unknown fields under `spec`.
 */
export function giantDaemonSet(bytes: number, shape: 'env' | 'annotations' | 'nested', seed = 3): string {
  const base = realisticDaemonSet(new Rng(seed), 0);
  const parts: string[] = [];
  let size = base.length + 32;
  const add = (s: string) => {
    parts.push(s);
    size += s.length;
  };
  if (shape === 'env') {
    for (let k = 0; size < bytes; k++) add(`            - name: VAR_${k}\n              value: "value-${k}-of-a-huge-environment"\n`);
    const at = base.indexOf('          volumeMounts:');
    return `${base.slice(0, at)}          env:\n${parts.join('')}${base.slice(at)}`;
  }
  if (shape === 'annotations') {
    for (let k = 0; size < bytes; k++) add(`    example.com/key-${k}: "annotation value number ${k} of a huge map"\n`);
    const at = base.indexOf('  labels:\n');
    return `${base.slice(0, at)}  annotations:\n${parts.join('')}${base.slice(at)}`;
  }
  for (let block = 0; size < bytes; block++) {
    for (let depth = 0; depth < 200; depth++) add(`${' '.repeat(4 + depth)}k${block}_${depth}:\n`);
    add(`${' '.repeat(204)}leaf: 1\n`);
  }
  return base.replace('\nspec:\n', `\nspec:\n  extra:\n${parts.join('')}`);
}

const JUNK = ['{', '[', '&', '*', '!', '|', '>', '\t', ':', '-', '#', '"', "'", '%', '@', '`', '?', ',', '}', ']', '\0', '\r', '\n', ' '];
const UNICODE = ['é', 'ß', '→', '∀', '日本', '\u200b', '\ufeff', '\u2028', '🚀', '\ud800', '\udfff', 'Ω', '\u0085'];

/** One random mutation of a text (line or character level). */
export function mutate(rng: Rng, text: string): string {
  const lines = text.split('\n');
  const li = rng.int(lines.length);
  switch (rng.int(10)) {
    case 0: // delete lines
      lines.splice(li, rng.range(1, 3));
      return lines.join('\n');
    case 1: // duplicate a line
      lines.splice(li, 0, lines[li]);
      return lines.join('\n');
    case 2: {
      // swap two lines
      const lj = rng.int(lines.length);
      [lines[li], lines[lj]] = [lines[lj], lines[li]];
      return lines.join('\n');
    }
    case 3: // truncate at a random offset
      return text.slice(0, rng.int(text.length + 1));
    case 4: // change indentation
      lines[li] = rng.chance(0.5) ? ' '.repeat(rng.range(1, 3)) + lines[li] : lines[li].replace(/^ {1,3}/, '');
      return lines.join('\n');
    case 5: // tab indentation
      lines[li] = lines[li].replace(/^ +/, (s) => '\t'.repeat(Math.max(1, s.length >> 1)));
      return lines.join('\n');
    case 6:
    case 7: {
      // insert YAML-significant characters
      const at = rng.int(text.length + 1);
      let ins = '';
      for (let k = rng.range(1, 4); k > 0; k--) ins += rng.pick(JUNK);
      return text.slice(0, at) + ins + text.slice(at);
    }
    case 8: {
      // insert unicode (lone surrogates, BOM, line separators)
      const at = rng.int(text.length + 1);
      return text.slice(0, at) + rng.pick(UNICODE) + text.slice(at);
    }
    default: {
      // replace a value with a random scalar
      // The key, when the rest of the line is one line (`\s*(.*)$` read in one pass).
      const m = /^(\s*(?:- )?[\w.-]+:)/.exec(lines[li]);
      if (m && !/[\n\r\u2028\u2029]/.test(lines[li].slice(m[1].length).trimStart())) lines[li] = `${m[1]} ${randomScalar(rng)}`;
      else lines[li] += rng.pick(JUNK);
      return lines.join('\n');
    }
  }
}

const KEYS = [
  'apiVersion',
  'kind',
  'metadata',
  'spec',
  'template',
  'containers',
  'name',
  'image',
  'tolerations',
  'effect',
  'operator',
  'key',
  'value',
  'selector',
  'matchLabels',
  'affinity',
  'nodeSelector',
  'x',
  'a b',
  '"q:k"',
  '? c',
  '<<',
];
const SCALARS = [
  'apps/v1',
  'DaemonSet',
  'NoSchedule',
  'Exists',
  '"quoted"',
  "'single'",
  '~',
  'null',
  'true',
  'no',
  '0x1F',
  '1e3',
  '-.inf',
  '.nan',
  '2001-12-14',
  '0600',
  '12:30',
  '&a x',
  '*a',
  '!!str 5',
  '!custom v',
  '"\\u263A"',
  '|',
  '>-',
  '{}',
  '[]',
  '{ a: 1, b: [2, 3] }',
  '[x, {y: z}]',
];

export function randomScalar(rng: Rng): string {
  return rng.chance(0.8) ? rng.pick(SCALARS) : String(rng.range(-5, 70000));
}

/** Random YAML from a small grammar: block maps, block sequences, flow collections, scalars, anchors. */
export function randomYaml(rng: Rng, depth = 0, indent = 0): string {
  const pad = ' '.repeat(indent);
  const out: string[] = [];
  const n = rng.range(1, depth > 4 ? 2 : 5);
  const asSeq = rng.chance(0.3);
  for (let i = 0; i < n; i++) {
    const lead = asSeq ? `${pad}- ` : `${pad}${rng.pick(KEYS)}:`;
    const r = rng.next();
    if (depth < 7 && r < 0.4) {
      if (asSeq) out.push(`${pad}-\n${randomYaml(rng, depth + 1, indent + 2)}`);
      else out.push(`${lead}\n${randomYaml(rng, depth + 1, indent + (rng.chance(0.5) ? 2 : 4))}`);
    } else if (r < 0.5) {
      out.push(`${lead} |\n${pad}  block text ${rng.int(100)}\n${pad}  more: not a key`);
    } else {
      out.push(`${lead}${asSeq ? '' : ' '}${randomScalar(rng)}${rng.chance(0.1) ? ' # comment' : ''}`);
    }
  }
  let text = out.join('\n');
  if (depth === 0) {
    if (rng.chance(0.3)) text = `apiVersion: apps/v1\nkind: DaemonSet\n${text}`;
    if (rng.chance(0.2)) text = `---\n${text}\n---\n${randomYaml(rng, 1, 0)}`;
    if (rng.chance(0.1)) text = `%YAML 1.2\n---\n${text}`;
  }
  return text;
}

/** Billion laughs: each level aliases the previous one `width` times. */
export function aliasBomb(levels = 9, width = 9, daemonSet = true): string {
  const lines = daemonSet ? ['apiVersion: apps/v1', 'kind: DaemonSet', 'metadata:', '  name: lol', 'spec:'] : [];
  const ind = daemonSet ? '  ' : '';
  lines.push(`${ind}a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]`);
  for (let l = 1; l <= levels; l++) lines.push(`${ind}a${l}: &a${l} [${Array.from({ length: width }, () => `*a${l - 1}`).join(',')}]`);
  if (daemonSet) lines.push(`  template:\n    metadata:\n      labels: *a${levels}\n    spec:\n      containers: *a${levels}`);
  return lines.join('\n') + '\n';
}

/** `depth` levels of flow sequences: `[[[[...]]]]`, under a DaemonSet key or alone. */
export function deepFlow(depth: number, close = true, daemonSet = true): string {
  const body = '['.repeat(depth) + (close ? ']'.repeat(depth) : '');
  return daemonSet ? `apiVersion: apps/v1\nkind: DaemonSet\nspec:\n  template: ${body}\n` : body;
}

/** `depth` levels of nested block maps, each indented one more space. */
export function deepIndent(depth: number, daemonSet = true): string {
  const parts: string[] = daemonSet ? ['apiVersion: apps/v1', 'kind: DaemonSet'] : [];
  for (let i = 0; i < depth; i++) parts.push(`${' '.repeat(i)}k${i}:`);
  parts.push(`${' '.repeat(depth)}leaf: 1`);
  return parts.join('\n') + '\n';
}

/** Random bytes decoded as latin1 (NULs, control characters, stray YAML syntax, no structure). */
export function binaryJunk(rng: Rng, size: number): string {
  const bytes = new Uint8Array(size);
  for (let i = 0; i < size; i++) bytes[i] = rng.int(256);
  return Buffer.from(bytes).toString('latin1');
}
