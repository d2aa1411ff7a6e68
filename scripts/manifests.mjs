// Derives each browser's manifest from the one manifest.json at the root.
// Chrome runs the background as a module service worker; Firefox MV3 has
// no service worker background and runs it as an event page instead.

/** Fixed add-on id, so that storage and granted permissions survive updates. */
export const GECKO_ID = '{3f0c5b6e-8d3a-4f5e-9a61-2f7c4d1b9e08}';

/**
 * Firefox 128 added MAIN-world scripts; AMO accepts `data_collection_permissions`
 * without a warning from Firefox 140 on desktop and 142 on Android.
 */
export const FIREFOX_MIN_VERSION = '140.0';
export const FIREFOX_ANDROID_MIN_VERSION = '142.0';

/** Chrome 111 added `world: "MAIN"` to registered content scripts. */
export const CHROME_MIN_VERSION = '111';

/** The host pattern that e2e builds may access without a prompt. */
export const E2E_HOST = 'http://127.0.0.1/*';

/** Returns `{ chrome, firefox }` manifests with the version set. */
export function browserManifests(source, version) {
  const { background, ...rest } = source;
  const script = background.service_worker;
  const chrome = {
    ...rest,
    version,
    minimum_chrome_version: CHROME_MIN_VERSION,
    background: { service_worker: script, type: 'module' },
  };
  const firefox = {
    ...rest,
    version,
    background: { scripts: [script], type: 'module' },
    browser_specific_settings: {
      gecko: {
        id: GECKO_ID,
        strict_min_version: FIREFOX_MIN_VERSION,
        data_collection_permissions: { required: ['none'] },
      },
      gecko_android: { strict_min_version: FIREFOX_ANDROID_MIN_VERSION },
    },
  };
  return { chrome, firefox };
}

/** Returns a copy of `manifest` that may access the e2e fixture server without a prompt. */
export function e2eManifest(manifest) {
  return { ...manifest, host_permissions: [E2E_HOST] };
}
