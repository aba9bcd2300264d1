import { expect, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";

let counter = 0;
export function uniqueEmail(prefix: string): string {
  return `${prefix}-${process.pid}-${Date.now()}-${++counter}@example.com`;
}

/** Starts a guest session from the home page with the one-click button. */
export async function startAsGuest(page: Page, locale: "ja" | "en" = "ja") {
  await page.goto(`/${locale}`);
  await page.getByTestId("start-guest").first().click();
  await expect(page).toHaveURL(new RegExp(`/${locale}/lessons/what-is-ecr$`));
}

/** Runs axe and returns the serious and critical violations, summarised for a readable diff. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(" | ")}`);
}
