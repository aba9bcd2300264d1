// The admin CLI, run as a learner's operator would: `npm run dockyard -- ...` on a fresh data dir.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const dataDir = mkdtempSync(path.join(tmpdir(), "dockyard-cli-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function dockyard(...args: string[]) {
  return spawnSync(path.join(process.cwd(), "bin", "dockyard.mjs"), args, { env: { ...process.env, DOCKYARD_DATA_DIR: dataDir }, encoding: "utf8" });
}

describe("dockyard CLI", () => {
  it("user:create creates an instructor on a fresh data directory and prints it as JSON", () => {
    const result = dockyard("user:create", "--email", "Teacher@Example.com", "--password", "a long enough password", "--role", "instructor");
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ email: "teacher@example.com", role: "instructor", region: "us-east-1", accountId: expect.stringMatching(/^\d{12}$/) });
  });

  it("user:create explains every invalid option and exits 2", () => {
    const result = dockyard("user:create", "--email", "nope", "--password", "short", "--role", "admin");
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("--role");
    const again = dockyard("user:create", "--email", "nope", "--password", "short");
    expect(again.stderr).toContain("--email: That email address does not look right.");
    expect(again.stderr).toContain("--password: Use at least 10 characters.");
  });

  it("user:create refuses a duplicate email", () => {
    const result = dockyard("user:create", "--email", "teacher@example.com", "--password", "a long enough password");
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("already exists");
  });

  it("user:list prints a table and JSON through npm run", () => {
    const table = execFileSync("npm", ["run", "-s", "dockyard", "--", "user:list"], { env: { ...process.env, DOCKYARD_DATA_DIR: dataDir }, encoding: "utf8" });
    expect(table).toMatch(/teacher@example\.com\s+instructor\s+account\s+\d{12}\s+us-east-1/);
    const json = JSON.parse(dockyard("user:list", "--json").stdout) as { email: string }[];
    expect(json.map((u) => u.email)).toEqual(["teacher@example.com"]);
  });

  it("repo:create and registry:token set up a sandbox registry for scripts", () => {
    const repo = dockyard("repo:create", "--email", "teacher@example.com", "--name", "team/app");
    expect(repo.status).toBe(0);
    expect(JSON.parse(repo.stdout)).toMatchObject({ repositoryName: "team/app", registryId: expect.stringMatching(/^\d{12}$/) });
    const again = dockyard("repo:create", "--email", "teacher@example.com", "--name", "team/app");
    expect(again.status).toBe(2);
    expect(again.stderr).toContain("already exists");
    expect(dockyard("repo:create", "--email", "teacher@example.com", "--name", "Bad_Name").stderr).toContain("lower-case");
    const token = dockyard("registry:token", "--email", "teacher@example.com", "--json");
    const parsed = JSON.parse(token.stdout) as { authorizationToken: string; password: string; expiresAt: string; userName: string };
    expect(Buffer.from(parsed.authorizationToken, "base64").toString()).toBe(`AWS:${parsed.password}`);
    expect(new Date(parsed.expiresAt).getTime() - Date.now()).toBeGreaterThan(11.9 * 3600 * 1000);
    expect(dockyard("registry:token", "--email", "nobody@example.com").status).toBe(2);
  });

  it("credentials:create prints a key in the shape of aws iam create-access-key; clock:advance moves the sandbox clock", () => {
    const created = dockyard("credentials:create", "--email", "teacher@example.com");
    expect(created.status, created.stderr).toBe(0);
    const key = (JSON.parse(created.stdout) as { AccessKey: Record<string, string> }).AccessKey;
    expect(key).toMatchObject({ UserName: "teacher@example.com", Status: "Active", AccessKeyId: expect.stringMatching(/^AKIA[A-Z2-7]{16}$/), SecretAccessKey: expect.stringMatching(/^[A-Za-z0-9]{40}$/) });
    expect(dockyard("credentials:create", "--email", "teacher@example.com").status).toBe(0);
    const third = dockyard("credentials:create", "--email", "teacher@example.com");
    expect(third.status).toBe(2);
    expect(third.stderr).toContain("at most 2 access keys");

    const moved = dockyard("clock:advance", "--email", "teacher@example.com", "--days", "14");
    expect(moved.status, moved.stderr).toBe(0);
    const clock = JSON.parse(moved.stdout) as { now: string; offsetDays: number };
    expect(clock.offsetDays).toBe(14);
    expect(new Date(clock.now).getTime() - Date.now()).toBeGreaterThan(13.9 * 86_400_000);
    for (const days of ["0", "1.5", "x", "99999"]) expect(dockyard("clock:advance", "--email", "teacher@example.com", "--days", days).status).toBe(2);
  });

  it("rejects unknown commands and flags with usage", () => {
    expect(dockyard("user:delete").status).toBe(2);
    const bad = dockyard("user:create", "--mail", "x");
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("Usage:");
  });
});
