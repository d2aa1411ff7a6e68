export const GECKO_ID: string;
export const FIREFOX_MIN_VERSION: string;
export const FIREFOX_ANDROID_MIN_VERSION: string;
export const CHROME_MIN_VERSION: string;
export const E2E_HOST: string;
export function browserManifests(
  source: Record<string, unknown> & { background: { service_worker: string } },
  version: string,
): { chrome: Record<string, unknown>; firefox: Record<string, unknown> };
export function e2eManifest(manifest: Record<string, unknown>): Record<string, unknown>;
