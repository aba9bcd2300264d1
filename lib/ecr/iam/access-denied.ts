// The AccessDeniedException the simulated API returns for a denied request. The wording follows
// AWS's current "… because no identity-based policy allows …" form (ecr-spec §5 marks it [A]).

import { EcrError } from "../errors";
import type { AuthorizationRequest, Decision } from "./evaluate";

export function accessDeniedError(request: AuthorizationRequest, decision: Decision): EcrError {
  const head = `User: ${request.principalArn} is not authorized to perform: ${request.action} on resource: ${request.resourceArn}`;
  if (decision.decision === "ExplicitDeny") {
    const kind = decision.decidedBy?.source === "identity" ? "an identity-based" : "a resource-based";
    return new EcrError("AccessDeniedException", `${head} with an explicit deny in ${kind} policy`);
  }
  // Cross-account: the identity side may allow while the repository side does not.
  const identityAllowed = decision.matched.some((m) => m.source === "identity" && m.effect === "Allow");
  const missing = identityAllowed ? "resource-based" : "identity-based";
  return new EcrError("AccessDeniedException", `${head} because no ${missing} policy allows the ${request.action} action`);
}
