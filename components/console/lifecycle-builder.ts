// The rule builder's one job: turn a form draft into a lifecycle rule and add it to the policy
// JSON being edited. Validation of the result is left to the real parser.

export type RuleDraft = {
  rulePriority: string;
  description: string;
  tagStatus: string;
  listKind: "tagPatternList" | "tagPrefixList" | string;
  values: string;
  countType: string;
  countNumber: string;
};

export function ruleFromDraft(draft: RuleDraft): Record<string, unknown> {
  const values = draft.values.split(",").map((v) => v.trim()).filter(Boolean);
  const since = draft.countType !== "imageCountMoreThan";
  return {
    rulePriority: Number(draft.rulePriority),
    ...(draft.description.trim() ? { description: draft.description.trim() } : {}),
    selection: {
      tagStatus: draft.tagStatus,
      ...(draft.tagStatus === "tagged" ? { [draft.listKind]: values } : {}),
      countType: draft.countType,
      ...(since ? { countUnit: "days" } : {}),
      countNumber: Number(draft.countNumber),
    },
    action: { type: "expire" },
  };
}

/** Appends the draft as a rule; an empty editor starts a new policy. */
export function addRuleToPolicy(text: string, draft: RuleDraft): { text: string } | { problem: string } {
  let policy: { rules: unknown[] };
  if (!text.trim()) policy = { rules: [] };
  else {
    try {
      const parsed: unknown = JSON.parse(text);
      if (typeof parsed !== "object" || parsed === null || !Array.isArray((parsed as { rules?: unknown }).rules)) return { problem: 'the JSON has no "rules" array' };
      policy = parsed as { rules: unknown[] };
    } catch {
      return { problem: "the JSON above is not valid" };
    }
  }
  policy.rules.push(ruleFromDraft(draft));
  return { text: JSON.stringify(policy, null, 2) };
}
