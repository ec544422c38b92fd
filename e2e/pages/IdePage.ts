// Page object for the IDE: every locator goes through a namespaced test id.
import { expect } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';

export const ARTIFACTS = 'e2e/artifacts';

export class IdePage {
  readonly editorLines: Locator;

  constructor(readonly page: Page) {
    this.editorLines = page.locator('[data-testid="editor.host"] .view-lines');
  }

  byTestId(id: string): Locator {
    return this.page.getByTestId(id);
  }

  async open(hash = ''): Promise<void> {
    await this.page.goto(`/${hash}`);
    await expect(this.byTestId('app')).toBeVisible();
    await expect(this.editorLines).toBeVisible();
  }

  async waitForGraph(): Promise<void> {
    await expect(this.page.locator('[data-testid="graph.node"][data-node-kind="operator"]').first()).toBeVisible();
  }

  operatorNode(className: string): Locator {
    return this.page.locator(`[data-testid="graph.node"][data-class-name="${className}"]`);
  }

  async waitForRun(): Promise<void> {
    await expect(this.byTestId('sim.status')).toHaveAttribute('data-status', 'ready', { timeout: 30_000 });
  }

  async openExample(id: string, withFaults = false): Promise<void> {
    await this.byTestId('gallery.button').click();
    const card = this.page.locator(`[data-testid="gallery.item"][data-example="${id}"]`);
    await card.getByTestId(withFaults ? 'gallery.openWithFaults' : 'gallery.open').click();
    await expect(this.byTestId('gallery.dialog')).toBeHidden();
  }

  /** Puts the caret at the end of the active file. */
  async focusEditorEnd(): Promise<void> {
    await this.editorLines.click();
    await this.page.keyboard.press('Control+End');
  }

  async stepCounter(): Promise<{ step: number; total: number }> {
    const text = (await this.byTestId('sim.stepCounter').textContent()) ?? '';
    const [step, total] = text.split('/').map((part) => Number(part.trim()));
    return { step: step ?? 0, total: total ?? 0 };
  }

  stateCell(className: string, key: string, attribute: string): Locator {
    return this.page
      .locator(`[data-testid="state.table"][data-class-name="${className}"] tr[data-entity="${className}/${key}"]`)
      .locator(`[data-testid="state.cell"][data-attribute="${attribute}"]`);
  }

  async setMode(mode: string): Promise<void> {
    await this.byTestId('sim.mode').selectOption(mode);
  }

  async jumpToEnd(): Promise<void> {
    await this.byTestId('sim.last').click();
  }

  async screenshot(name: string): Promise<void> {
    await this.page.screenshot({ path: `${ARTIFACTS}/${name}.png` });
  }
}

/** Collects console errors, page errors and requests that leave 127.0.0.1. */
export function watchPage(page: Page): { errors: string[]; external: string[] } {
  const errors: string[] = [];
  const external: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('request', (request) => {
    const url = request.url();
    if (!/^(https?:\/\/127\.0\.0\.1[:/]|data:|blob:)/.test(url)) external.push(url);
  });
  return { errors, external };
}
