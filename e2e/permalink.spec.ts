import { expect, test } from '@playwright/test';
import LZString from 'lz-string';
import { IdePage, watchPage } from './pages/IdePage.ts';

test('permalink reopens the same step and state', async ({ page, browser }) => {
  const ide = new IdePage(page);
  await ide.open();
  await ide.openExample('01-shop');
  await ide.setMode('at-least-once');
  await ide.byTestId('sim.seed').fill('7');
  await ide.waitForRun();
  await ide.byTestId('sim.scrub').fill('40');
  await expect(ide.byTestId('sim.stepCounter')).toContainText('41 /');
  const tables = await ide.byTestId('state.tables').innerText();
  await ide.byTestId('share.button').click();
  const link = await ide.byTestId('share.link').inputValue();
  expect(link.length).toBeLessThanOrEqual(2000);

  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const fresh = new IdePage(await context.newPage());
  await fresh.open(link.slice(link.indexOf('#')));
  await fresh.waitForRun();
  await expect(fresh.byTestId('sim.stepCounter')).toContainText('41 /');
  await expect(fresh.byTestId('sim.mode')).toHaveValue('at-least-once');
  await expect(fresh.byTestId('sim.seed')).toHaveValue('7');
  await expect.poll(() => fresh.byTestId('state.tables').innerText()).toBe(tables);
  await context.close();
});

test('malformed link keeps the autosave', async ({ page }) => {
  const ide = new IdePage(page);
  await ide.open();
  await ide.focusEditorEnd();
  await page.keyboard.type('# my own work');
  await expect.poll(() => page.evaluate(() => localStorage.getItem('entflow.autosave') ?? '')).toContain('# my own work');

  const watched = watchPage(page);
  await page.goto('about:blank');
  await page.goto('/#s=dThisIsNotDeflate');
  await expect(ide.byTestId('notice')).toContainText('could not be opened');
  await ide.focusEditorEnd();
  await expect(ide.editorLines).not.toContainText('# my own work');
  expect(await page.evaluate(() => localStorage.getItem('entflow.autosave') ?? '')).toContain('# my own work');
  expect(watched.errors).toEqual([]);
  await ide.screenshot('malformed-link');

  await ide.byTestId('notice.action').click();
  await ide.focusEditorEnd();
  await expect(ide.editorLines).toContainText('# my own work');

  await page.goto('about:blank');
  await page.goto('/');
  await ide.focusEditorEnd();
  await expect(ide.editorLines).toContainText('# my own work');
});

test('truncated link is reported', async ({ page }) => {
  const ide = new IdePage(page);
  await ide.open();
  await ide.byTestId('share.button').click();
  const link = await ide.byTestId('share.link').inputValue();
  await page.goto('about:blank');
  await page.goto(`/${link.slice(link.indexOf('#'), link.indexOf('#') + 24)}`);
  await expect(ide.byTestId('notice')).toContainText('could not be opened');
  await expect(ide.editorLines).toBeVisible();
});

test('version 1 link opens after migration', async ({ page }) => {
  const old = {
    v: 1,
    e: 'from stateflow import entity\n\n\n@entity\nclass Counter:\n    def __init__(self, name: str):\n        self.name = name\n        self.count = 0\n\n    def __key__(self):\n        return self.name\n\n    def bump(self) -> int:\n        self.count += 1\n        return self.count\n',
    c: 'c = Counter("a")\nprint(c.bump())\n',
    mode: 'at-most-once',
    seed: 3,
    workers: 1,
    faults: [],
    step: 2,
  };
  const ide = new IdePage(page);
  await ide.open(`#s=l${LZString.compressToEncodedURIComponent(JSON.stringify(old))}`);
  await expect(ide.editorLines).toContainText('class Counter:');
  await expect(ide.byTestId('sim.mode')).toHaveValue('at-most-once');
  await expect(ide.byTestId('sim.seed')).toHaveValue('3');
  await expect(ide.byTestId('sim.workers')).toHaveValue('1');
  await expect(ide.byTestId('notice')).toHaveCount(0);
});

test('autosave survives a reload', async ({ page }) => {
  const ide = new IdePage(page);
  await ide.open();
  await ide.byTestId('sim.seed').fill('99');
  await ide.focusEditorEnd();
  await page.keyboard.type('# kept across reloads');
  await expect.poll(() => page.evaluate(() => localStorage.getItem('entflow.autosave') ?? '')).toContain('kept across reloads');
  await page.reload();
  await ide.focusEditorEnd();
  await expect(ide.editorLines).toContainText('# kept across reloads');
  await expect(ide.byTestId('sim.seed')).toHaveValue('99');
});
