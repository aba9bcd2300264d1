// Registry scanning filters (ecr-spec §2.2) — not the lifecycle tag patterns: a filter without '*'
// matches any repository name that contains it; with '*', the whole name must match the wildcard.
import type { RegistryScanningConfiguration } from "../operations/registry";

export function scanFilterMatches(filter: string, repositoryName: string): boolean {
  if (!filter.includes("*")) return repositoryName.includes(filter);
  const source = filter.split("*").map((part) => part.replace(/[.+?^${}()|[\]\\/-]/g, "\\$&")).join(".*");
  return new RegExp(`^${source}$`).test(repositoryName);
}

/**
 * Whether a push starts a scan. BASIC: a SCAN_ON_PUSH rule whose filter matches, or the
 * repository's own (deprecated) scanOnPush flag [A: either suffices]. ENHANCED: with no rules
 * every repository is scanned; otherwise any matching rule. [A] The sandbox runs the same basic
 * engine for ENHANCED (no Inspector), scanning on push; continuous rescans are not simulated.
 */
export function scansOnPush(config: RegistryScanningConfiguration, repositoryName: string, repositoryFlag: boolean): boolean {
  const matches = (rule: RegistryScanningConfiguration["rules"][number]) => rule.repositoryFilters.some((f) => scanFilterMatches(f.filter, repositoryName));
  if (config.scanType === "ENHANCED") return config.rules.length === 0 || config.rules.some((rule) => rule.scanFrequency !== "MANUAL" && matches(rule));
  return repositoryFlag || config.rules.some((rule) => rule.scanFrequency === "SCAN_ON_PUSH" && matches(rule));
}
