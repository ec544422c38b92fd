import { expect, test } from '@playwright/test';
import { IdePage } from './pages/IdePage.ts';

test('typing a new entity adds its operator', async ({ page }) => {
  const ide = new IdePage(page);
  await ide.open();
  await ide.waitForGraph();
  await expect(ide.operatorNode('Extra')).toHaveCount(0);

  await ide.focusEditorEnd();
  // Monaco indents after a colon itself, so the lines are typed unindented.
  await page.keyboard.press('Enter');
  await page.keyboard.type('@entity');
  await page.keyboard.press('Enter');
  await page.keyboard.type('class Extra:');
  await page.keyboard.press('Enter');
  await page.keyboard.type('def __key__(self):');
  await page.keyboard.press('Enter');
  await page.keyboard.type('return 1');

  await expect(ide.editorLines).toContainText('class Extra:');
  await expect(ide.editorLines).toContainText('return 1');
  await expect(ide.operatorNode('Extra')).toBeVisible();
  await ide.screenshot('editor-typed');
});

test('a syntax error shows a marker and a problem', async ({ page }) => {
  const ide = new IdePage(page);
  await ide.open();
  await ide.focusEditorEnd();
  await page.keyboard.press('Enter');
  await page.keyboard.type('def broken(:');

  await expect(page.locator('[data-testid="editor.host"] .squiggly-error').first()).toBeVisible();
  await expect(ide.byTestId('problems.item').first()).toContainText('entities.py');
  await expect(ide.byTestId('editor.tab.entities.errors')).toBeVisible();
  await ide.screenshot('editor-error');
});

test('cursor in a method marks it in the graph', async ({ page }) => {
  const ide = new IdePage(page);
  await ide.open();
  await ide.waitForGraph();
  await page.locator('[data-testid="editor.host"] .view-line', { hasText: 'def set_price' }).click();
  await expect(page.locator('[data-testid="graph.method"].has-cursor')).toHaveAttribute('data-method', 'Item.set_price');
});

test('selecting a block highlights its lines', async ({ page }) => {
  const ide = new IdePage(page);
  await ide.open();
  await ide.waitForGraph();
  await page.locator('[data-testid="graph.method"][data-method="User.buy_item"]').click();
  await expect(ide.byTestId('graph.crumb.method')).toHaveText('User.buy_item');
  const blocks = ide.byTestId('graph.block');
  expect(await blocks.count()).toBeGreaterThan(1);
  await blocks.nth(1).click();
  await expect(page.locator('[data-testid="editor.host"] .ef-line-selected').first()).toBeVisible();
  await ide.screenshot('block-graph');
});
