"use client";
// Review settings with server-side validation; errors appear next to their fields and what was
// typed stays (the submit is intercepted so React does not reset the form).
import { useActionState, useTransition } from "react";
import { saveReviewSettingsAction, type SettingsState } from "@/app/_server/review-actions";
import { Field } from "@/components/forms/field";
import type { Locale } from "@/lib/i18n/locales";
import type { ReviewSettings } from "@/lib/learn/settings";

export type SettingsLabels = {
  retention: string;
  retentionHint: string;
  newPerDay: string;
  newPerDayHint: string;
  examDate: string;
  examDateHint: string;
  timeZone: string;
  timeZoneHint: string;
  save: string;
  saving: string;
};

type Props = { locale: Locale; initial: ReviewSettings; timeZones: string[]; labels: SettingsLabels };

export function SettingsForm({ locale, initial, timeZones, labels }: Props) {
  const [state, formAction, pending] = useActionState<SettingsState, FormData>(saveReviewSettingsAction, {});
  const [, startTransition] = useTransition();
  const errors = state.fieldErrors ?? {};
  const zoneError = errors.timeZone;
  return (
    <form
      className="review-settings-form"
      noValidate
      aria-busy={pending}
      data-testid="review-settings"
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        startTransition(() => formAction(data));
      }}
    >
      <input type="hidden" name="locale" value={locale} />
      <Field name="desiredRetention" label={labels.retention} hint={labels.retentionHint} error={errors.desiredRetention} type="number" inputMode="decimal" step="0.01" min="0.7" max="0.97" defaultValue={String(initial.desiredRetention)} />
      <Field name="newPerDay" label={labels.newPerDay} hint={labels.newPerDayHint} error={errors.newPerDay} type="number" inputMode="numeric" step="1" min="0" max="200" defaultValue={String(initial.newPerDay)} />
      <Field name="examDate" label={labels.examDate} hint={labels.examDateHint} error={errors.examDate} type="date" defaultValue={initial.examDate ?? ""} />
      <div className={`field${zoneError ? " field-invalid" : ""}`}>
        <label htmlFor="timeZone">{labels.timeZone}</label>
        <select id="timeZone" name="timeZone" defaultValue={initial.timeZone} aria-invalid={zoneError ? true : undefined} aria-describedby={zoneError ? "timeZone-hint timeZone-error" : "timeZone-hint"}>
          {timeZones.map((zone) => (
            <option key={zone} value={zone}>
              {zone}
            </option>
          ))}
        </select>
        <p className="field-hint" id="timeZone-hint">
          {labels.timeZoneHint}
        </p>
        {zoneError && (
          <p className="field-error" id="timeZone-error" role="alert">
            {zoneError}
          </p>
        )}
      </div>
      <div aria-live="polite">
        {state.formError && (
          <p className="form-error" role="alert">
            {state.formError}
          </p>
        )}
        {state.saved && !pending && (
          <p className="form-ok" data-testid="settings-saved">
            {state.saved}
          </p>
        )}
      </div>
      <button type="submit" className="button button-primary" disabled={pending}>
        {pending ? labels.saving : labels.save}
      </button>
    </form>
  );
}
