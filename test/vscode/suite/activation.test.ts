import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, openFixture, waitFor } from './helpers';

suite('activation', () => {
  test('the extension activates when a DaemonSet YAML file is opened', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is not loaded (extensionDevelopmentPath)`);
    const editor = await openFixture('fluentd-bad-effect.yaml');
    assert.equal(editor.document.languageId, 'yaml');
    // Activation by onLanguage:yaml happens after the document opens, asynchronously.
    await waitFor(
      'the extension to activate',
      () => ext.isActive,
      (active) => active,
    );
  });
});
