// Input schemas for accounts. Messages are i18n keys (see lib/i18n/messages.ts) so every face can
// show them in the learner's language next to the field they belong to.
import { z } from "zod";

export const ROLES = ["learner", "instructor"] as const;
export const RoleSchema = z.enum(ROLES, { error: "role.invalid" });
export type Role = z.infer<typeof RoleSchema>;

export const EmailSchema = z
  .string({ error: "email.required" })
  .trim()
  .min(1, "email.required")
  .max(254, "email.invalid")
  .toLowerCase()
  .pipe(z.email({ error: "email.invalid" }));

/** Length is what matters (NIST SP 800-63B); no composition rules. */
export const PasswordSchema = z
  .string({ error: "password.required" })
  .min(1, "password.required")
  .min(10, "password.tooShort")
  .max(256, "password.tooLong");

export const DisplayNameSchema = z.string().trim().max(60, "displayName.tooLong").optional();

export const SignUpSchema = z.object({
  email: EmailSchema,
  password: PasswordSchema,
  displayName: DisplayNameSchema,
});
export type SignUpInput = z.infer<typeof SignUpSchema>;

export const SignInSchema = z.object({
  email: EmailSchema,
  // Sign-in accepts any non-empty password so old accounts are never locked out by new rules.
  password: z.string({ error: "password.required" }).min(1, "password.required").max(256, "password.tooLong"),
});
export type SignInInput = z.infer<typeof SignInSchema>;

export const CreateUserSchema = SignUpSchema.extend({ role: RoleSchema.default("learner") });
export type CreateUserInput = z.input<typeof CreateUserSchema>;

/** Maps a zod error to { field: messageKey }, first problem per field. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "form");
    out[field] ??= issue.message;
  }
  return out;
}
