// The OCI Distribution API, independent of the HTTP server (exchange.ts): it authenticates,
// parses the route, calls one lib/registry function and serialises the result; every error goes
// through wire-errors.ts. web-face.ts and node-face.ts carry it over HTTP.
import type { Deps } from "../core/deps";
import { authenticateRegistryPassword, parseBasicAuth } from "../auth/registry-tokens";
import { RegistryError } from "../registry/errors";
import { getRepositoryOrThrow } from "../registry/repositories";
import { appendUpload, cancelUpload, completeUpload, getUploadStatus, startUpload, uploadMonolithic } from "../registry/uploads";
import { mountBlob, openBlob, statBlob, unlinkBlob } from "../registry/blobs";
import { deleteManifest, getManifest, listReferrers, listTags, putManifest, recordPull } from "../registry/manifests";
import { MAX_MANIFEST_BYTES } from "../registry/manifest-schema";
import type { RepoRef } from "../registry/commit-blob";
import { locations, parseOciPath, type OciRoute } from "./routes";
import { parseContentRange, parseRangeHeader, readBounded } from "./http-body";
import type { OciRequest, OciResponse, OciResponseBody } from "./exchange";
import { ociErrorResponse, REGISTRY_HEADERS, toOciErrorResponse } from "./wire-errors";
import { ecrContext, type EcrContext } from "../ecr/context";
import { scanOnPushIfConfigured } from "../ecr/scanning/scan-jobs";
import { authorize } from "../ecr/authorize";
import { requiredAction } from "./required-action";

/** accountDeps carries the account's simulated clock: push and pull times are account time. */
type Ctx = { deps: Deps; accountDeps: Deps; ecr: EcrContext; request: OciRequest; url: URL; repo: RepoRef };

function respond(status: number, headers: Record<string, string> = {}, body: OciResponseBody = null): OciResponse {
  return { status, headers: { ...REGISTRY_HEADERS, ...headers }, body };
}

const noBody: AsyncIterable<Uint8Array> = { [Symbol.asyncIterator]: async function* () {} };

function uploadHeaders(name: string, id: string, offset: number): Record<string, string> {
  return { Location: locations.upload(name, id), Range: `0-${Math.max(0, offset - 1)}`, "Docker-Upload-UUID": id, "Content-Length": "0" };
}

function blobCreated(name: string, digest: string): OciResponse {
  return respond(201, { Location: locations.blob(name, digest), "Docker-Content-Digest": digest, "Content-Length": "0" });
}

/** Parses an Accept header list ("a, b;q=0.5") into media types. */
function acceptedTypes(request: OciRequest): string[] {
  return request.headers
    .get("accept")
    ?.split(",")
    .map((t) => t.split(";")[0]?.trim() ?? "")
    .filter(Boolean) ?? [];
}

async function handleBlob(ctx: Ctx, digest: string): Promise<OciResponse> {
  const { deps, request, repo } = ctx;
  if (request.method === "DELETE") {
    await unlinkBlob(deps, repo, digest);
    return respond(202, { "Content-Length": "0" });
  }
  const info = await statBlob(deps, repo, digest);
  const base = { "Docker-Content-Digest": info.digest, "Content-Type": "application/octet-stream", "Accept-Ranges": "bytes", ETag: `"${info.digest}"` };
  const range = parseRangeHeader(request.headers.get("range"), info.size);
  if (range === "invalid") return ociErrorResponse("BLOB_UNKNOWN", 416, "The requested range is not satisfiable.", {}, { "Content-Range": `bytes */${info.size}` });
  if (request.method === "HEAD") return respond(200, { ...base, "Content-Length": String(info.size) });
  if (range) {
    const blob = await openBlob(deps, info, range);
    return respond(206, { ...base, "Content-Length": String(range.end - range.start + 1), "Content-Range": `bytes ${range.start}-${range.end}/${info.size}` }, blob);
  }
  const blob = await openBlob(deps, info);
  return respond(200, { ...base, "Content-Length": String(info.size) }, blob);
}

async function handleUploads(ctx: Ctx): Promise<OciResponse> {
  const { deps, request, url, repo } = ctx;
  if (request.method !== "POST") throw new RegistryError("Unsupported", `${request.method} is not supported on the uploads endpoint.`);
  const mount = url.searchParams.get("mount");
  const from = url.searchParams.get("from");
  if (mount && from) {
    const mounted = await mountBlob(deps, repo, mount, from);
    if (mounted) return blobCreated(repo.name, mounted.digest);
  }
  const digest = url.searchParams.get("digest");
  if (digest) {
    const stored = await uploadMonolithic(deps, repo, digest, request.body ?? noBody);
    return blobCreated(repo.name, stored.digest);
  }
  const upload = await startUpload(deps, repo);
  return respond(202, uploadHeaders(repo.name, upload.id, upload.offset));
}

async function handleUpload(ctx: Ctx, uploadId: string): Promise<OciResponse> {
  const { deps, request, url, repo } = ctx;
  switch (request.method) {
    case "GET": {
      const status = await getUploadStatus(deps, repo, uploadId);
      return respond(204, uploadHeaders(repo.name, uploadId, status.offset));
    }
    case "PATCH": {
      const range = parseContentRange(request.headers.get("content-range"));
      if (range === "invalid") throw new RegistryError("RangeInvalid", "Content-Range must look like <start>-<end>.", { offset: (await getUploadStatus(deps, repo, uploadId)).offset });
      const status = await appendUpload(deps, repo, uploadId, request.body ?? noBody, range);
      return respond(202, uploadHeaders(repo.name, uploadId, status.offset));
    }
    case "PUT": {
      const stored = await completeUpload(deps, repo, uploadId, url.searchParams.get("digest"), request.body ?? undefined);
      return blobCreated(repo.name, stored.digest);
    }
    case "DELETE":
      await cancelUpload(deps, repo, uploadId);
      return respond(204);
    default:
      throw new RegistryError("Unsupported", `${request.method} is not supported on an upload.`);
  }
}

async function handleManifest(ctx: Ctx, reference: string): Promise<OciResponse> {
  const { accountDeps: deps, request, repo } = ctx;
  switch (request.method) {
    case "PUT": {
      const bytes = await readBounded(request.body ?? noBody, MAX_MANIFEST_BYTES);
      const { digest, subjectDigest } = await putManifest(deps, repo, reference, bytes, request.headers.get("content-type"));
      const settings = await deps.db.repository.findUniqueOrThrow({ where: { id: repo.id }, select: { id: true, name: true, scanOnPush: true } });
      await scanOnPushIfConfigured(ctx.ecr, settings, digest);
      return respond(201, { Location: locations.manifest(repo.name, digest), "Docker-Content-Digest": digest, "Content-Length": "0", ...(subjectDigest ? { "OCI-Subject": subjectDigest } : {}) });
    }
    case "GET":
    case "HEAD": {
      const manifest = await getManifest(deps, repo, reference);
      const accepted = acceptedTypes(request);
      if (accepted.length && !accepted.includes(manifest.mediaType) && !accepted.includes("*/*")) {
        throw new RegistryError("ManifestUnknown", `The manifest is of type ${manifest.mediaType}, which the client does not accept (Accept: ${accepted.join(", ")}).`, { mediaType: manifest.mediaType });
      }
      if (request.method === "GET") await recordPull(deps, repo, manifest.digest);
      const headers = { "Content-Type": manifest.mediaType, "Docker-Content-Digest": manifest.digest, "Content-Length": String(manifest.bytes.length), ETag: `"${manifest.digest}"` };
      return respond(200, headers, request.method === "HEAD" ? null : new Uint8Array(manifest.bytes));
    }
    case "DELETE":
      await deleteManifest(deps, repo, reference);
      return respond(202, { "Content-Length": "0" });
    default:
      throw new RegistryError("Unsupported", `${request.method} is not supported on a manifest.`);
  }
}

async function handleTags(ctx: Ctx): Promise<OciResponse> {
  const { deps, url, repo } = ctx;
  const nParam = url.searchParams.get("n");
  const n = nParam === null ? undefined : Number(nParam);
  if (n !== undefined && (!Number.isInteger(n) || n < 0 || n > 10_000)) throw new RegistryError("Unsupported", "n must be a whole number from 0 to 10000.");
  const last = url.searchParams.get("last") ?? undefined;
  const page = await listTags(deps, repo, { n, last });
  const headers: Record<string, string> = { "Content-Type": "application/json" };
  const lastTag = page.tags[page.tags.length - 1];
  if (page.more && n !== undefined && lastTag) headers.Link = `<${locations.tagsPage(repo.name, n, lastTag)}>; rel="next"`;
  return respond(200, headers, JSON.stringify({ name: repo.name, tags: page.tags }));
}

async function handleReferrers(ctx: Ctx, digest: string): Promise<OciResponse> {
  const artifactType = ctx.url.searchParams.get("artifactType") ?? undefined;
  const index = await listReferrers(ctx.deps, ctx.repo, digest, artifactType);
  return respond(200, { "Content-Type": "application/vnd.oci.image.index.v1+json", ...(artifactType ? { "OCI-Filters-Applied": "artifactType" } : {}) }, JSON.stringify(index));
}

const METHODS: Record<OciRoute["kind"], string[]> = {
  base: ["GET", "HEAD"],
  tags: ["GET"],
  manifest: ["GET", "HEAD", "PUT", "DELETE"],
  blob: ["GET", "HEAD", "DELETE"],
  uploads: ["POST"],
  upload: ["GET", "PATCH", "PUT", "DELETE"],
  referrers: ["GET"],
};

/** Serves one /v2/ request for the account whose registry token is presented. */
export async function serveOci(deps: Deps, request: OciRequest): Promise<OciResponse> {
  try {
    const credentials = parseBasicAuth(request.headers.get("authorization"));
    const user = credentials ? await authenticateRegistryPassword(deps, credentials.user, credentials.password) : null;
    if (!user) {
      const why = credentials ? "The registry password is wrong, expired (tokens last 12 hours) or revoked: get a new one from the Registry login page." : "Log in first: docker login --username AWS --password-stdin <host>.";
      return ociErrorResponse("UNAUTHORIZED", 401, `Authentication required. ${why}`);
    }
    const { url, sourceIp } = request;
    let pathname: string;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      return ociErrorResponse("NAME_INVALID", 400, "The request path is not valid URL encoding.");
    }
    const route = parseOciPath(pathname);
    if (!route) return ociErrorResponse("UNSUPPORTED", 404, "Not a registry endpoint.");
    if (!METHODS[route.kind].includes(request.method)) return ociErrorResponse("UNSUPPORTED", 405, `${request.method} is not allowed here.`, {}, { Allow: METHODS[route.kind].join(", ") });
    if (route.kind === "base") return respond(200, { "Content-Type": "application/json" }, "{}");

    const ecr = await ecrContext(deps, { accountId: user.accountId, iamUserId: user.iamUserId, ...(sourceIp ? { sourceIp } : {}) });
    await authorize(ecr, requiredAction(route, request.method), route.name);
    const mountFrom = route.kind === "uploads" ? url.searchParams.get("from") : null;
    // A cross-repository mount reads the source repository: the caller must be allowed to pull from it.
    if (mountFrom && url.searchParams.has("mount")) await authorize(ecr, "ecr:GetDownloadUrlForLayer", mountFrom);
    const repo = { ...(await getRepositoryOrThrow(deps, user.accountId, route.name)), accountId: user.accountId };
    const ctx: Ctx = { deps, accountDeps: ecr.deps, ecr, request, url, repo };
    switch (route.kind) {
      case "tags":
        return await handleTags(ctx);
      case "manifest":
        return await handleManifest(ctx, route.reference);
      case "blob":
        return await handleBlob(ctx, route.digest);
      case "uploads":
        return await handleUploads(ctx);
      case "upload":
        return await handleUpload(ctx, route.uploadId);
      case "referrers":
        return await handleReferrers(ctx, route.digest);
    }
  } catch (error) {
    return toOciErrorResponse(error);
  }
}
