// The "New DaemonSet from Template" starting points must be clean under the project's own
// checker (no error, no warning), with and without the sample cluster, and keep the defaults
// the templates module promises.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseAllDocuments } from 'yaml';
import { TEMPLATES, findTemplate, templateText } from '../../client/src/templates/index';
import { analyzeText, placementsOfText } from '../../server/src/service';
import { sampleInventory } from '../../server/src/inventory/sample';

const inventory = sampleInventory();

function daemonSetOf(text: string): any {
  const docs = parseAllDocuments(text).map((d) => {
    assert.deepEqual(d.errors, [], 'the template is valid YAML');
    return d.toJS();
  });
  assert.equal(docs.length, 1);
  assert.equal(docs[0].kind, 'DaemonSet');
  assert.equal(docs[0].apiVersion, 'apps/v1');
  return docs[0];
}

describe('DaemonSet templates', () => {
  it('offers the six agents, each id once', () => {
    assert.deepEqual(
      TEMPLATES.map((t) => t.id),
      ['log-collector', 'node-exporter', 'gpu-device-plugin', 'gpu-monitor', 'cni-agent', 'security-agent'],
    );
    assert.equal(findTemplate('cni-agent')?.agent, 'CNI');
    assert.equal(findTemplate('nope'), undefined);
  });

  for (const t of TEMPLATES) {
    describe(t.id, () => {
      const loud = (ds: ReturnType<typeof analyzeText>) =>
        ds.filter((d) => d.severity === 'error' || d.severity === 'warning').map((d) => `${d.severity} ${d.code} line ${d.range.start.line + 1}: ${d.message}`);

      it('has no error or warning from the checker', () => {
        assert.deepEqual(loud(analyzeText(templateText(t))), []);
      });

      it('has no error or warning against the sample cluster, and runs on some of its nodes', () => {
        assert.deepEqual(loud(analyzeText(templateText(t), { inventory })), []);
        const [view] = placementsOfText(templateText(t), inventory);
        assert.ok(view, 'one DaemonSet placement');
        assert.ok(view.placement.desired > 0, `desired ${view.placement.desired}`);
      });

      it('keeps the sound defaults', () => {
        const ds = daemonSetOf(templateText(t));
        const pod = ds.spec.template.spec;
        assert.deepEqual(ds.spec.selector.matchLabels, ds.spec.template.metadata.labels);
        assert.equal(pod.nodeSelector['kubernetes.io/os'], 'linux');
        assert.ok(Array.isArray(pod.tolerations) && pod.tolerations.length > 0, 'tolerations');
        for (const c of pod.containers) {
          assert.ok(c.resources.requests.cpu && c.resources.requests.memory, `${c.name}: cpu and memory requests`);
          assert.ok(c.resources.limits.memory, `${c.name}: memory limit`);
          assert.equal(c.resources.limits.cpu, undefined, `${c.name}: no CPU limit (throttling a node agent hurts)`);
          assert.ok(c.readinessProbe, `${c.name}: readiness probe`);
          assert.equal(c.securityContext?.privileged, undefined, `${c.name}: not privileged`);
          assert.equal(c.securityContext?.allowPrivilegeEscalation, false, `${c.name}: no privilege escalation`);
          assert.ok(!/:latest$|^[^:]+$/.test(c.image), `${c.name}: pinned image ${c.image}`);
        }
      });
    });
  }

  it('tolerates what each kind of agent must tolerate', () => {
    const tolerations = (id: string) => daemonSetOf(templateText(findTemplate(id)!)).spec.template.spec.tolerations;
    assert.deepEqual(tolerations('cni-agent'), [{ operator: 'Exists' }]);
    for (const id of ['gpu-device-plugin', 'gpu-monitor']) {
      assert.ok(
        tolerations(id).some((x: any) => x.key === 'nvidia.com/gpu' && x.operator === 'Exists'),
        id,
      );
    }
    for (const id of ['log-collector', 'node-exporter', 'security-agent']) {
      assert.ok(
        tolerations(id).some((x: any) => x.key === 'node-role.kubernetes.io/control-plane'),
        id,
      );
    }
  });

  it('runs the GPU agents only on GPU nodes of the sample cluster', () => {
    const gpuNodes = inventory.nodes
      .filter((n: any) => n.metadata.labels?.['nvidia.com/gpu.present'] === 'true')
      .map((n: any) => n.metadata.name)
      .sort();
    assert.ok(gpuNodes.length > 0);
    for (const id of ['gpu-device-plugin', 'gpu-monitor']) {
      const [view] = placementsOfText(templateText(findTemplate(id)!), inventory);
      const placed = view.placement.nodes
        .filter((n) => n.shouldRun)
        .map((n) => n.name)
        .sort();
      assert.deepEqual(placed, gpuNodes, id);
    }
  });

  it('the node-critical agents set system-node-critical; the exporter runs as non-root', () => {
    for (const id of ['log-collector', 'gpu-device-plugin', 'cni-agent', 'security-agent']) {
      assert.equal(daemonSetOf(templateText(findTemplate(id)!)).spec.template.spec.priorityClassName, 'system-node-critical', id);
    }
    const exporter = daemonSetOf(templateText(findTemplate('node-exporter')!)).spec.template.spec;
    assert.equal(exporter.securityContext.runAsNonRoot, true);
    for (const m of exporter.containers[0].volumeMounts) assert.equal(m.readOnly, true, m.name);
  });
});
