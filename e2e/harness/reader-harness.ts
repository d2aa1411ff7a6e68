/**
 * Test harness that runs the page readers in the page's own world, for the
 * reader tests that check the readers without the extension: it installs the
 * MAIN-world script and exposes `window.labCheckReadPage()`.
 */
import '../../src/content/main-world.ts';
import { requestEditors } from '../../src/content/editor-channel.ts';
import type { PageSnapshot } from '../../src/content/page-snapshot.ts';
import { buildSnapshot } from '../../src/content/snapshot.ts';

declare global {
  interface Window {
    labCheckReadPage?: () => Promise<PageSnapshot>;
  }
}

window.labCheckReadPage = async () => buildSnapshot(document, await requestEditors(document));
