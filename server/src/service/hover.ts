/**
 * Hover: the official description, type, required or not, allowed values with their meaning,
 * the default, a DaemonSet note for the fields that matter to node agents, and the API link.
 */
import type { Hover } from 'vscode-languageserver-types';
import type { FieldDef } from '../schema/types';
import { documentAround, keyPathAt, Lines } from '../yaml/context';
import { KUBERNETES_VERSION, resolvePath, typeLabel } from '../schema/schema';
import type { PathSeg, Position } from '../yaml/types';
import { knownLabel, knownTaint, PRIORITY_CLASSES } from './wellKnown';
import { t, tData } from '../l10n';
import { mdText } from '../util/markdown';

const KIND_RE = /^kind:[ \t]*["']?([A-Za-z]+)/m;

export interface HoverExtra {
  /** Extra Markdown for a path (placement: which nodes match), appended to the field's hover. */
  (path: PathSeg[]): string | undefined;
}

export function hover(text: string, pos: Position, extra?: HoverExtra): Hover | null {
  const doc = documentAround(text, pos.line);
  const h = hoverInDocument(doc.text, { line: pos.line - doc.startLine, character: pos.character }, extra);
  if (h?.range && doc.startLine)
    h.range = {
      start: { line: h.range.start.line + doc.startLine, character: h.range.start.character },
      end: { line: h.range.end.line + doc.startLine, character: h.range.end.character },
    };
  return h;
}

function hoverInDocument(text: string, pos: Position, extra?: HoverExtra, lines = new Lines(text)): Hover | null {
  const at = keyPathAt(lines, pos.line);
  if (!at) return null;
  const [top, bottom] = lines.documentBounds(pos.line);
  const kind = KIND_RE.exec(lines.text.slice(top, bottom + 1).join('\n'))?.[1];
  let path = at.path;
  if (kind === 'List' || kind?.endsWith('List')) {
    if (path[0] !== 'items' || typeof path[1] !== 'number') return null;
    path = path.slice(2);
  } else if (kind !== 'DaemonSet') return null;

  const lineText = lines.text[pos.line];
  const onValue = at.info.colon !== undefined && pos.character >= at.info.colon;
  const value = onValue ? unquote(at.info.rest ?? '') : undefined;
  const keyStart = at.info.col;
  const range = onValue
    ? {
        start: { line: pos.line, character: lineText.indexOf(at.info.rest ?? '', at.info.colon) },
        end: { line: pos.line, character: lineText.indexOf(at.info.rest ?? '', at.info.colon) + (at.info.rest ?? '').length },
      }
    : { start: { line: pos.line, character: keyStart }, end: { line: pos.line, character: (at.info.colon ?? keyStart + 1) - 1 } };

  const resolved = resolvePath(path);
  const parts: string[] = [];
  if (resolved?.field) parts.push(fieldHover(resolved.field, value));
  else if (resolved && path.length >= 2) {
    // A map key: a node label in nodeSelector, a resource name…
    const key = String(path[path.length - 1]);
    const label = knownLabel(key);
    parts.push(`**${mdText(key)}** · \`${typeLabel(resolved.type)}\`` + (label ? `\n\n${label.description}` : ''));
  } else return null;

  const last = path[path.length - 1];
  if (value && last === 'key') {
    const taint = knownTaint(value);
    const label = knownLabel(value);
    if (taint)
      parts.push(
        t('**Taint `{0}`** — {1}', value, taint.description) +
          (taint.autoTolerated ? ' ' + t('Already tolerated by every DaemonSet pod ({0}).', taint.autoTolerated) : ''),
      );
    else if (label) parts.push(t('**Label `{0}`** — {1}', value, label.description));
  }
  if (value && last === 'priorityClassName') {
    const pc = PRIORITY_CLASSES.find((p) => p.value === value);
    if (pc) parts.push(`\`${pc.value}\` — ${pc.description}`);
  }
  const more = extra?.(path);
  if (more) parts.push(more);
  return { contents: { kind: 'markdown', value: parts.join('\n\n---\n\n') }, range };
}

function unquote(s: string): string {
  if (s.length >= 2 && ((s[0] === '"' && s.endsWith('"')) || (s[0] === "'" && s.endsWith("'")))) return s.slice(1, -1);
  return s;
}

export function fieldHover(f: FieldDef, value?: string): string {
  const lines: string[] = [];
  lines.push(`**${f.name}** · \`${typeLabel(f.type)}\` · ${f.required ? t('required') : t('optional')}${f.deprecated ? ` · ${t('deprecated')}` : ''}`);
  // The note is hand-written (schema-overrides.ts) and translated; the official description is not.
  if (f.note) lines.push(t('**For a DaemonSet:** {0}', tData(f.note)));
  const enumList = f.description.indexOf('Possible enum values:');
  const desc = (enumList >= 0 ? f.description.slice(0, enumList) : f.description).trim();
  if (desc) lines.push(desc);
  if (f.enum?.length) {
    const rows = f.enum.map(
      (e) => `- \`${e.value === '' ? '""' : e.value}\`${e.value === value ? ` **${t('(current)')}**` : ''}${e.description ? ` — ${tData(e.description)}` : ''}`,
    );
    lines.push(`${t('Allowed values:')}\n${rows.join('\n')}`);
  }
  if (f.default) lines.push(t('Default: `{0}`', f.default));
  lines.push(`[${t('API reference')}](${f.docUrl}) · Kubernetes ${KUBERNETES_VERSION}`);
  return lines.join('\n\n');
}
