import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { hoverText, keyPosition, openFixture, waitFor } from './helpers';

// Official Kubernetes 1.36 API descriptions (PodSpec.tolerations, Toleration.effect).
const TOLERATIONS = "If specified, the pod's tolerations.";
const EFFECT = 'Effect indicates the taint effect to match.';

async function hoverAt(uri: vscode.Uri, position: vscode.Position): Promise<string> {
  return hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position));
}

suite('hover', () => {
  test('hovering a field shows its official description', async () => {
    const { document } = await openFixture('fluentd-bad-effect.yaml');
    const onTolerations = keyPosition(document, 'tolerations');
    const text = await waitFor(
      'a hover on "tolerations" with its description',
      () => hoverAt(document.uri, onTolerations),
      (t) => t.includes(TOLERATIONS),
    );
    assert.ok(text.includes(TOLERATIONS), text);

    const onEffect = keyPosition(document, 'effect');
    const effectText = await waitFor(
      'a hover on "effect" with its description',
      () => hoverAt(document.uri, onEffect),
      (t) => t.includes(EFFECT),
    );
    assert.ok(effectText.includes(EFFECT), effectText);
  });
});
