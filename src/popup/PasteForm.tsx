/** The "Paste code instead" form: one text for all steps, or one per step, graded in the worker. */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { LabSummary } from '../background/messages.ts';
import { MAX_PASTED_CHARS } from '../extension/paste-limit.ts';
import { t } from './i18n.ts';

export type PasteMode = 'all' | 'steps';

export function PasteForm(props: {
  labs: LabSummary[];
  initialLabId: string | undefined;
  initialMode: PasteMode;
  unreadSteps: string[];
  onSubmit: (pasted: { labId: string; code?: string; steps?: Record<string, string> }) => void;
  onCancel: () => void;
}) {
  const [labId, setLabId] = useState(props.initialLabId ?? props.labs[0]?.id ?? '');
  const [mode, setMode] = useState<PasteMode>(props.initialMode);
  const [code, setCode] = useState('');
  const [steps, setSteps] = useState<Record<string, string>>({});
  const [tooLong, setTooLong] = useState<number | undefined>();
  const first = useRef<HTMLTextAreaElement>(null);
  const lab = props.labs.find((candidate) => candidate.id === labId);

  useEffect(() => first.current?.focus(), [mode, labId]);

  /**
   * Returns the text of an input event, or undefined after emptying the box
   * when the text is over the limit: a browser lays out a textarea of
   * megabytes for seconds, so such a text is not kept on screen.
   */
  const acceptInput = (event: { currentTarget: HTMLTextAreaElement }): string | undefined => {
    const { value } = event.currentTarget;
    if (value.length <= MAX_PASTED_CHARS) return value;

    event.currentTarget.value = '';
    setTooLong(value.length);
    return undefined;
  };

  const submit = (event: Event) => {
    event.preventDefault();
    if (!lab) return;
    setTooLong(undefined);
    props.onSubmit(mode === 'all' ? { labId: lab.id, code } : { labId: lab.id, steps });
  };

  return (
    <form
      class="paste"
      onSubmit={submit}
      onKeyDown={(event) => event.key === 'Escape' && props.onCancel()}
      data-testid="paste-form"
      aria-labelledby="paste-heading"
    >
      <h2 id="paste-heading">{t('popupPasteHeading')}</h2>
      {props.labs.length > 1 && (
        <label class="field">
          {t('popupPasteLab')}
          <select value={labId} onChange={(event) => setLabId(event.currentTarget.value)} data-testid="paste-lab">
            {props.labs.map((candidate) => (
              <option key={candidate.id} value={candidate.id}>
                {candidate.title}
              </option>
            ))}
          </select>
        </label>
      )}
      <fieldset class="modes" role="radiogroup">
        <label>
          <input type="radio" name="mode" checked={mode === 'all'} onChange={() => setMode('all')} data-testid="paste-mode-all" />
          {t('popupPasteModeAll')}
        </label>
        <label>
          <input type="radio" name="mode" checked={mode === 'steps'} onChange={() => setMode('steps')} data-testid="paste-mode-steps" />
          {t('popupPasteModeSteps')}
        </label>
      </fieldset>

      {mode === 'all' ? (
        <label class="field">
          {t('popupPasteAllLabel')}
          <textarea
            ref={first}
            rows={8}
            spellcheck={false}
            value={code}
            onInput={(event) => {
              const value = acceptInput(event);
              if (value !== undefined) setCode(value);
            }}
            data-testid="paste-all"
          />
        </label>
      ) : (
        lab?.steps.map((step, index) => (
          <label class="field" key={step.id}>
            {`${index + 1}. ${step.title}`}
            <textarea
              ref={index === stepToFocus(lab, props.unreadSteps) ? first : undefined}
              rows={3}
              spellcheck={false}
              placeholder={`${step.variable} = ...`}
              value={steps[step.id] ?? ''}
              onInput={(event) => {
                const value = acceptInput(event);
                if (value !== undefined) setSteps({ ...steps, [step.id]: value });
              }}
              data-testid={`paste-step-${step.id}-text`}
            />
          </label>
        ))
      )}
      {tooLong !== undefined && (
        <p class="error" role="alert" data-testid="paste-too-long">
          {t('popupPasteTooLong', tooLong, MAX_PASTED_CHARS)}
        </p>
      )}
      <div class="actions">
        <button type="submit" class="primary" data-testid="paste-submit">
          {t('popupPasteSubmit')}
        </button>
        <button type="button" onClick={props.onCancel} data-testid="paste-cancel">
          {t('popupPasteCancel')}
        </button>
      </div>
    </form>
  );
}

/** Returns the index of the first step the page could not be read for, or 0. */
function stepToFocus(lab: LabSummary, unreadSteps: readonly string[]): number {
  return Math.max(0, lab.steps.findIndex((step) => unreadSteps.includes(step.id)));
}
