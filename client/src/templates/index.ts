/**
 * DaemonSet starting points for common node agents, one `<id>.yaml` file each beside this module
 * (copied to dist/templates/ by the build). No vscode import, so unit tests can run every
 * template through the project's own checker. Titles and descriptions shown in
 * the UI are localised by the command (client/src/commands/newFromTemplate.ts), keyed by id.
 *
 * Shared defaults, and why:
 * - nodeSelector kubernetes.io/os: linux — the images are Linux-only; a Windows node would
 *   crash-loop them.
 * - a control-plane toleration — node agents usually belong on every node, including control
 *   planes (GPU agents: the GPU taint instead; the CNI agent tolerates everything).
 * - CPU and memory requests plus a memory limit — a leaking agent is killed, not the node's
 *   workloads; no CPU limit, so the agent is never throttled while the node is busy.
 * - readiness probes — they gate the rolling update node by node.
 * - host mounts read-only unless the agent must write there; runAsNonRoot where the agent can
 *   work without root.
 */

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export type TemplateId = 'log-collector' | 'node-exporter' | 'gpu-device-plugin' | 'gpu-monitor' | 'cni-agent' | 'security-agent';

export interface DaemonSetTemplate {
  id: TemplateId;
  /** English title; the UI shows a localised one. */
  title: string;
  /** The agent the template is built on. */
  agent: string;
}

export const TEMPLATES: readonly DaemonSetTemplate[] = [
  { id: 'log-collector', title: 'Log collector', agent: 'Fluent Bit' },
  { id: 'node-exporter', title: 'Node exporter', agent: 'Prometheus' },
  { id: 'gpu-device-plugin', title: 'GPU device plugin', agent: 'NVIDIA' },
  { id: 'gpu-monitor', title: 'GPU monitor', agent: 'NVIDIA DCGM exporter' },
  { id: 'cni-agent', title: 'CNI agent', agent: 'CNI' },
  { id: 'security-agent', title: 'Security agent', agent: 'Falco' },
];

export function findTemplate(id: string): DaemonSetTemplate | undefined {
  return TEMPLATES.find((t) => t.id === id);
}

/** Where the template files are: beside this module (sources) or in templates/ beside the bundle (dist/). */
export function templatesDir(): string {
  const here = path.join(__dirname, 'templates');
  return existsSync(here) ? here : __dirname;
}

/** The YAML text of a template. */
export function templateText(t: DaemonSetTemplate, dir = templatesDir()): string {
  return readFileSync(path.join(dir, `${t.id}.yaml`), 'utf8');
}
