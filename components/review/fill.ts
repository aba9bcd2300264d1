// Fills {name} placeholders of a translated template: the browser-side twin of translator()'s vars.
export function fill(template: string, vars: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}
