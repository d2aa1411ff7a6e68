/** The "Paste code instead" form: one text for all steps, or one per step, graded in the worker. */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { LabSummary } from '../background/messages.ts';
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
  const first = useRef<HTMLTextAreaElement>(null);
  const lab = props.labs.find((candidate) => candidate.id === labId);

  useEffect(() => first.current?.focus(), [mode, labId]);

  const submit = (event: Event) => {
    event.preventDefault();
    if (!lab) return;
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
            onInput={(event) => setCode(event.currentTarget.value)}
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
              onInput={(event) => setSteps({ ...steps, [step.id]: event.currentTarget.value })}
              data-testid={`paste-step-${step.id}-text`}
            />
          </label>
        ))
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
