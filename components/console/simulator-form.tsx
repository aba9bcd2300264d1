"use client";
// The policy simulator: pick a principal, an action and a repository; shows the decision and the
// statement that made it (lib/ecr/authorize.ts's checkAccess, the check every face uses).
import { simulateAccessAction } from "@/app/_server/ecr-actions";
import type { Locale } from "@/lib/i18n/locales";
import { ECR_ACTIONS } from "@/lib/ecr/iam/actions";
import { ConsoleForm } from "./console-form";

type Labels = { principal: string; root: string; action: string; repository: string; run: string; decidedBy: string; matched: string; decisions: Record<string, string> };

export function SimulatorForm({ locale, users, labels }: { locale: Locale; users: string[]; labels: Labels }) {
  return (
    <ConsoleForm
      action={simulateAccessAction}
      locale={locale}
      testId="simulator"
      result={(state) =>
        state.simulation && (
          <div className={`panel sim-result sim-${state.simulation.decision}`} data-testid="simulation">
            <p>
              <strong>{labels.decisions[state.simulation.decision] ?? state.simulation.decision}</strong>
            </p>
            {state.simulation.decidedBy && (
              <p>
                {labels.decidedBy}: <code>{state.simulation.decidedBy}</code>
              </p>
            )}
            {state.simulation.matched.length > 0 && (
              <>
                <p>{labels.matched}:</p>
                <ul>
                  {state.simulation.matched.map((m) => (
                    <li key={m}>
                      <code>{m}</code>
                    </li>
                  ))}
                </ul>
              </>
            )}
          </div>
        )
      }
    >
      <div className="form-grid">
        <label className="field">
          <span>{labels.principal}</span>
          <select name="iamUser" defaultValue={users[0] ?? ""}>
            <option value="">{labels.root}</option>
            {users.map((u) => (
              <option key={u}>{u}</option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{labels.action}</span>
          <select name="action" defaultValue="ecr:PutImage">
            {ECR_ACTIONS.map((a) => (
              <option key={a}>{a}</option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{labels.repository}</span>
          <input name="repositoryName" maxLength={256} />
        </label>
      </div>
      <button type="submit" className="button button-primary">
        {labels.run}
      </button>
    </ConsoleForm>
  );
}
