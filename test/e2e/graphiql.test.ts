import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, TEST_ADMIN_KEY, type TestGateway } from '../harness/gateway.js';

/** Debian's chromium; flags keep it from reaching for the network this machine does not have. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

let gateway: TestGateway;
let browser: Browser;
beforeAll(async () => {
  gateway = await startTestGateway();
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
});
afterAll(async () => {
  await browser?.close();
  await gateway?.close();
});

describe('/graphiql in headless Chromium', () => {
  it('runs { backends { id } } and shows both backend ids in the result pane, loading nothing from elsewhere', async () => {
    const page = await browser.newPage();
    const requested: string[] = [];
    page.on('request', (request) => requested.push(request.url()));
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));

    const url = new URL('graphiql', gateway.url);
    url.searchParams.set('query', '{ backends { id } }');
    await page.goto(url.href);
    // As a user would: open the Headers pane and type the token there.
    await page.getByRole('button', { name: 'Headers' }).click();
    await page.locator('.graphiql-editor-tool .graphiql-editor:visible .CodeMirror').click();
    await page.keyboard.type(`{"Authorization": "Bearer ${TEST_ADMIN_KEY}"`);
    await page.locator('.graphiql-execute-button').click();
    const result = page.locator('.result-window');
    await expect.poll(() => result.innerText(), { timeout: 15_000 }).toContain('"prometheus"');
    const text = await result.innerText();
    expect(text).toContain('"native"');

    const origin = new URL(gateway.url).origin;
    expect(requested.filter((address) => !address.startsWith(origin) && !address.startsWith('data:'))).toEqual([]);
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  it('serves only the listed assets', async () => {
    const response = await fetch(new URL('graphiql/assets/..%2F..%2Fpackage.json', gateway.url));
    expect(response.status).toBe(404);
  });
});
