import { expect, test } from '@playwright/test';
import { IdePage } from './pages/IdePage.ts';

test('shop run ends with the reference state', async ({ page }) => {
  const ide = new IdePage(page);
  await ide.open();
  await ide.openExample('01-shop');
  await ide.waitForRun();
  await ide.byTestId('sim.speed').selectOption('65536');
  await ide.byTestId('sim.play').click();
  const { total } = await ide.stepCounter();
  await expect(ide.byTestId('sim.stepCounter')).toHaveText(`${total} / ${total}`);

  await expect(ide.stateCell('Item', 'apple', 'stock')).toHaveText('4');
  await expect(ide.stateCell('Item', 'pear', 'price')).toHaveText('2');
  await expect(ide.stateCell('User', 'alice', 'balance')).toHaveText('22');
  await expect(ide.stateCell('User', 'bob', 'balance')).toHaveText('1');
  await ide.byTestId('panels.tab.output').click();
  await expect(ide.byTestId('output.text')).toContainText('alice has 22 left after spending 18');
  await expect(ide.byTestId('output.noViolations')).toBeVisible();
  await ide.screenshot('shop-output');
});

test('step back and forward restore states', async ({ page }) => {
  const ide = new IdePage(page);
  await ide.open();
  await ide.openExample('01-shop');
  await ide.waitForRun();
  for (let i = 0; i < 30; i++) await ide.byTestId('sim.step').click();
  await expect(ide.byTestId('sim.stepCounter')).toContainText('30 /');
  const tablesAt30 = await ide.byTestId('state.tables').innerText();

  await ide.byTestId('sim.step').click();
  await ide.byTestId('sim.back').click();
  await ide.byTestId('sim.back').click();
  await expect(ide.byTestId('sim.stepCounter')).toContainText('29 /');
  await ide.byTestId('sim.step').click();
  await expect(ide.byTestId('sim.stepCounter')).toContainText('30 /');
  await expect.poll(() => ide.byTestId('state.tables').innerText()).toBe(tablesAt30);
  await expect(ide.byTestId('inspector.text')).not.toBeEmpty();
  await ide.screenshot('stepping');
});

test('keyboard alone steps the run', async ({ page }) => {
  const ide = new IdePage(page);
  await ide.open();
  await ide.waitForRun();
  // Alt combinations work even while the editor has focus.
  await ide.focusEditorEnd();
  await page.keyboard.press('Alt+Period');
  await page.keyboard.press('Alt+Period');
  await expect(ide.byTestId('sim.stepCounter')).toContainText('2 /');

  await page.keyboard.press('Alt+3');
  await page.keyboard.press('.');
  await page.keyboard.press('ArrowRight');
  await expect(ide.byTestId('sim.stepCounter')).toContainText('4 /');
  await page.keyboard.press(',');
  await expect(ide.byTestId('sim.stepCounter')).toContainText('3 /');
  await page.keyboard.press('End');
  const { total } = await ide.stepCounter();
  await expect(ide.byTestId('sim.stepCounter')).toHaveText(`${total} / ${total}`);
  await page.keyboard.press('Home');
  await expect(ide.byTestId('sim.stepCounter')).toContainText('0 /');

  await page.keyboard.press('Alt+2');
  await expect(ide.byTestId('graph.pane')).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(ide.byTestId('sim.stepCounter')).toContainText('1 /');
  await page.keyboard.press('Alt+4');
  await expect(ide.byTestId('sim.play')).toBeFocused();
  await page.keyboard.press('Alt+G');
  await expect(ide.byTestId('gallery.dialog')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(ide.byTestId('gallery.dialog')).toBeHidden();
});

test('message log and space-time diagram select steps', async ({ page }) => {
  const ide = new IdePage(page);
  await ide.open();
  await ide.waitForRun();
  await ide.byTestId('panels.tab.log').click();
  await page.locator('[data-testid="log.row"][data-step="5"]').click();
  await expect(ide.byTestId('sim.stepCounter')).toContainText('6 /');
  await expect(page.locator('[data-testid="log.row"].is-current')).toHaveAttribute('data-step', '5');
  await ide.screenshot('message-log');

  await ide.byTestId('panels.tab.spacetime').click();
  await expect(ide.byTestId('spacetime.canvas')).toBeVisible();
  await ide.screenshot('space-time');
});
