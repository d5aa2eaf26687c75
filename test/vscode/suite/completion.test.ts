import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { completionLabels, openFixture, positionAfter, waitFor } from './helpers';

const EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];

suite('completion', () => {
  test('after "effect: " the three taint effects are offered', async () => {
    const { document } = await openFixture('node-exporter-effect-empty.yaml');
    const position = positionAfter(document, 'effect: ');
    // The language client registers its providers once the server has initialized.
    const labels = await waitFor(
      `completion at ${position.line + 1}:${position.character + 1} to offer ${EFFECTS.join(', ')}`,
      async () => completionLabels(await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, position)),
      (ls) => EFFECTS.every((e) => ls.includes(e)),
    );
    for (const e of EFFECTS) assert.ok(labels.includes(e), `${e} missing from ${labels.join(', ')}`);
  });
});
