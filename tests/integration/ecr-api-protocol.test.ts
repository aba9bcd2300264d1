// The ECR JSON 1.1 face's protocol: SigV4 verification, X-Amz-Target routing, body parsing,
// error shapes and serialisation. Requests are signed the way the AWS SDKs sign them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "@/lib/auth/users";
import { createAccessKey, rotateAccessKeys, listAccessKeys } from "@/lib/auth/access-keys";
import { makeTestDeps } from "../helpers/test-deps";
import { ecrClient, errorOf, type Keys } from "../helpers/ecr-client";

const env = makeTestDeps("2026-03-01T10:00:00Z");
const { deps, clock } = env;
afterAll(() => env.cleanup());

let keys: Keys;
let accountId: string;

beforeAll(async () => {
  const user = await createUser(deps, { email: "proto@example.com", password: "proto long password" });
  accountId = user.accountId;
  keys = await createAccessKey(deps, user.accountId);
});

describe("SigV4", () => {
  it("accepts a correctly signed request and answers in JSON 1.1 with a request id", async () => {
    const reply = await ecrClient(deps, keys).call("DescribeRegistry");
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ registryId: accountId, replicationConfiguration: { rules: [] } });
  });

  it("refuses a request without an Authorization header", async () => {
    const reply = await ecrClient(deps, keys).raw("AmazonEC2ContainerRegistry_V20150921.DescribeRegistry", "{}", (h) => delete h.authorization);
    expect(reply.status).toBe(400);
    expect(errorOf(reply, "MissingAuthenticationTokenException")).toBe("Missing Authentication Token");
  });

  it("refuses a wrong secret with InvalidSignatureException (403)", async () => {
    const reply = await ecrClient(deps, { ...keys, secretAccessKey: "x".repeat(40) }).call("DescribeRegistry");
    expect(reply.status).toBe(403);
    expect(errorOf(reply, "InvalidSignatureException")).toMatch(/signature we calculated does not match/);
  });

  it("refuses a body changed after signing", async () => {
    const reply = await ecrClient(deps, keys).raw("AmazonEC2ContainerRegistry_V20150921.DescribeRegistry", "{}", (h) => {
      h["x-amz-target"] = "AmazonEC2ContainerRegistry_V20150921.DeleteRepository";
    });
    expect(reply.status).toBe(403);
    errorOf(reply, "InvalidSignatureException");
  });

  it("refuses an unknown access key with UnrecognizedClientException", async () => {
    const reply = await ecrClient(deps, { accessKeyId: "AKIAAAAAAAAAAAAAAAAA", secretAccessKey: keys.secretAccessKey }).call("DescribeRegistry");
    expect(reply.status).toBe(400);
    errorOf(reply, "UnrecognizedClientException");
  });

  it("refuses a request date more than five minutes away from the server's time", async () => {
    const old = ecrClient(deps, keys, { signingDate: () => new Date(clock.now().getTime() - 6 * 60_000) });
    const reply = await old.call("DescribeRegistry");
    expect(reply.status).toBe(403);
    expect(errorOf(reply, "InvalidSignatureException")).toMatch(/^Signature expired: \d{8}T\d{6}Z is now earlier than/);
    const future = await ecrClient(deps, keys, { signingDate: () => new Date(clock.now().getTime() + 6 * 60_000) }).call("DescribeRegistry");
    expect(errorOf(future, "InvalidSignatureException")).toMatch(/^Signature not yet current/);
    const withinSkew = await ecrClient(deps, keys, { signingDate: () => new Date(clock.now().getTime() - 4 * 60_000) }).call("DescribeRegistry");
    expect(withinSkew.status).toBe(200);
  });

  it("refuses credentials scoped to another service", async () => {
    const reply = await ecrClient(deps, keys).raw("AmazonEC2ContainerRegistry_V20150921.DescribeRegistry", "{}", (h) => {
      h.authorization = h.authorization!.replace("/ecr/aws4_request", "/s3/aws4_request");
    });
    expect(errorOf(reply, "InvalidSignatureException")).toBe("Credential should be scoped to correct service: 'ecr'.");
  });

  it("accepts any region in the credential scope", async () => {
    expect((await ecrClient(deps, keys, { region: "ap-northeast-1" }).call("DescribeRegistry")).status).toBe(200);
  });

  it("stops accepting a key once it is rotated", async () => {
    const user = await createUser(deps, { email: "rotate@example.com", password: "rotate long password" });
    const first = await createAccessKey(deps, user.accountId);
    const second = await rotateAccessKeys(deps, user.accountId);
    expect(errorOf(await ecrClient(deps, first).call("DescribeRegistry"), "UnrecognizedClientException")).toBeTruthy();
    expect((await ecrClient(deps, second).call("DescribeRegistry")).status).toBe(200);
    expect((await listAccessKeys(deps, user.accountId)).map((k) => k.accessKeyId)).toEqual([second.accessKeyId]);
  });
});

describe("routing and bodies", () => {
  it("answers an unknown X-Amz-Target with UnknownOperationException", async () => {
    for (const target of ["AmazonEC2ContainerRegistry_V20150921.LaunchRocket", "Nope.DescribeRegistry", "AmazonEC2ContainerRegistry_V20150921.constructor", "AmazonEC2ContainerRegistry_V20150921.__proto__"]) {
      const reply = await ecrClient(deps, keys).raw(target, "{}");
      expect(reply.status).toBe(400);
      errorOf(reply, "UnknownOperationException");
    }
  });

  it("answers malformed JSON and non-object bodies with SerializationException", async () => {
    for (const body of ["{", "[1,2]", "42", "null"]) {
      const reply = await ecrClient(deps, keys).raw("AmazonEC2ContainerRegistry_V20150921.DescribeRepositories", body);
      expect(reply.status).toBe(400);
      errorOf(reply, "SerializationException");
    }
  });

  it("reports a wrong member type or an unknown member as InvalidParameterException", async () => {
    const client = ecrClient(deps, keys);
    expect(errorOf(await client.call("CreateRepository", { repositoryName: 42 }), "InvalidParameterException")).toMatch(/^Invalid parameter at 'repositoryName' failed to satisfy constraint:/);
    expect(errorOf(await client.call("CreateRepository", {}), "InvalidParameterException")).toBe("Invalid parameter at 'repositoryName' failed to satisfy constraint: 'Member must not be null'");
    expect(errorOf(await client.call("DescribeRepositories", { bogus: 1 }), "InvalidParameterException")).toMatch(/bogus/);
  });

  it("serialises timestamps as epoch seconds", async () => {
    const reply = await ecrClient(deps, keys).call("CreateRepository", { repositoryName: "wire/time" });
    expect(reply.body.repository).toMatchObject({ createdAt: clock.now().getTime() / 1000 });
  });
});
