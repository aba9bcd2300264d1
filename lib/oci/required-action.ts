// Which ECR IAM action a /v2/ request needs (ecr-spec §5): a pull needs ecr:BatchGetImage and
// ecr:GetDownloadUrlForLayer, a push the layer-upload actions and ecr:PutImage.
import type { OciRoute } from "./routes";

type RepoRoute = Exclude<OciRoute, { kind: "base" }>;

export function requiredAction(route: RepoRoute, method: string): string {
  switch (route.kind) {
    case "manifest":
      if (method === "PUT") return "ecr:PutImage";
      if (method === "DELETE") return "ecr:BatchDeleteImage";
      return "ecr:BatchGetImage";
    case "blob":
      // A HEAD is how a pushing client asks "do you have this layer already?".
      if (method === "HEAD") return "ecr:BatchCheckLayerAvailability";
      if (method === "DELETE") return "ecr:BatchDeleteImage"; // [A] ECR has no blob delete; closest action
      return "ecr:GetDownloadUrlForLayer";
    case "uploads":
      // Also for a mount: when it cannot be served the registry starts an ordinary upload instead.
      return "ecr:InitiateLayerUpload";
    case "upload":
      if (method === "PUT") return "ecr:CompleteLayerUpload";
      return "ecr:UploadLayerPart";
    case "tags":
      return "ecr:ListImages"; // [A] the tag list is ListImages' answer on the Docker API
    case "referrers":
      return "ecr:BatchGetImage"; // ListImageReferrers is authorised by ecr:BatchGetImage
  }
}
