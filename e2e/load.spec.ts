import { expect, test } from '@playwright/test';
import { IdePage, watchPage } from './pages/IdePage.ts';

test('loads with no console errors and no outside requests', async ({ page }) => {
  const watched = watchPage(page);
  const ide = new IdePage(page);
  await ide.open();
  await ide.waitForGraph();
  await ide.waitForRun();
  await ide.jumpToEnd();
  await expect(ide.byTestId('state.tables')).toBeVisible();
  await ide.screenshot('main-light');

  expect(watched.errors).toEqual([]);
  expect(watched.external).toEqual([]);
});

test('follows the dark colour scheme', async ({ browser }) => {
  const context = await browser.newContext({ colorScheme: 'dark', viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  const ide = new IdePage(page);
  await ide.open();
  await ide.waitForGraph();
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(background).toBe('rgb(15, 17, 21)');
  await expect(page.locator('.monaco-editor.vs-dark')).toBeVisible();
  await ide.screenshot('main-dark');
  await context.close();
});

test('help sheet lists the shortcuts', async ({ page }) => {
  const ide = new IdePage(page);
  await ide.open();
  await ide.byTestId('graph.pane').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('?');
  await expect(ide.byTestId('help.dialog')).toBeVisible();
  await expect(ide.byTestId('help.dialog')).toContainText('Step forward one event');
  await ide.screenshot('help');
  await page.keyboard.press('Escape');
  await expect(ide.byTestId('help.dialog')).toBeHidden();
});

test('gallery offers the corpus examples', async ({ page }) => {
  const ide = new IdePage(page);
  await ide.open();
  await ide.byTestId('gallery.button').click();
  await expect(ide.byTestId('gallery.item')).not.toHaveCount(0);
  expect(await ide.byTestId('gallery.item').count()).toBeGreaterThanOrEqual(6);
  await ide.screenshot('gallery');
  await page.locator('[data-testid="gallery.item"][data-example="02-bank-transfer"]').getByTestId('gallery.open').click();
  await expect(ide.byTestId('toolbar.example')).toContainText('Bank');
  await expect(ide.editorLines).toContainText('def transfer');
});
