/** Editor steps shared by the code-server scenarios (not a scenario itself: no `.ui.ts`). */
import type { Page } from 'playwright-core';

/**
 * Deletes the value `value` after `key: ` on the first line showing it, waits until the line
 * ends with the bare key, and asks for suggestions (Ctrl+Space).
 */
export async function clearValueAndSuggest(page: Page, key: string, value: string): Promise<void> {
  await page
    .locator('.monaco-editor .view-line', { hasText: `${key}: ${value}` })
    .first()
    .click();
  await page.keyboard.press('End');
  for (let i = 0; i < value.length; i++) await page.keyboard.press('Backspace');
  // The edit took effect: the line now ends with the key and no value (Monaco shows spaces as no-break spaces).
  await page
    .locator('.monaco-editor .view-line', { hasText: new RegExp(`${key}:\\s*$`) })
    .first()
    .waitFor();
  await page.keyboard.press('Control+Space');
}
