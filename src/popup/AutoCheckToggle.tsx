/**
 * "Check this site automatically". Turning it on asks the browser for the
 * site's host permission, which needs the click's user gesture, so the
 * popup requests it before telling the worker.
 */
import { useEffect, useState } from 'preact/hooks';
import { visibleText } from '../core/submissions/visible-text.ts';
import { browser } from '../extension/browser.ts';
import { createLogger } from '../extension/logger.ts';
import { request } from './api.ts';
import { t } from './i18n.ts';

const log = createLogger('popup');

export function AutoCheckToggle({ tabId, origin }: { tabId: number; origin: string }) {
  const [enabled, setEnabled] = useState<boolean | undefined>(undefined);
  const [denied, setDenied] = useState(false);

  useEffect(() => {
    request({ kind: 'lab-check/get-auto-check', tabId })
      .then((state) => setEnabled(state.enabled))
      .catch((error) => log.error('could not read the automatic check setting', error));
  }, [tabId, origin]);

  const toggle = async (wanted: boolean) => {
    setDenied(false);
    try {
      if (wanted && !(await browser.permissions.request({ origins: [`${origin}/*`] }))) {
        setDenied(true);
        return;
      }
      const state = await request({ kind: 'lab-check/set-auto-check', origin, enabled: wanted });
      setEnabled(state.enabled);
    } catch (error) {
      log.error('could not change the automatic check setting', error);
    }
  };

  return (
    <div class="auto-check">
      <label>
        <input
          type="checkbox"
          role="switch"
          checked={enabled === true}
          aria-checked={enabled === true}
          disabled={enabled === undefined}
          onChange={(event) => void toggle(event.currentTarget.checked)}
          data-testid="auto-check-toggle"
        />
        {t('popupAutoCheck')}
      </label>
      <span class="origin">{visibleText(origin)}</span>
      {denied && (
        <p class="error" role="alert" data-testid="auto-check-denied">
          {t('popupAutoCheckDenied')}
        </p>
      )}
    </div>
  );
}
