// ECR versus plain object storage: the client talks to the registry API, and layer bytes are
// downloaded from S3 through presigned URLs that the registry hands out.
import { Arrow, Box, DiagramFrame, Group, type DiagramProps } from "./parts";

export default function RegistryVsObjectStorage({ locale }: DiagramProps) {
  const t = (ja: string, en: string) => (locale === "ja" ? ja : en);
  return (
    <DiagramFrame
      locale={locale}
      width={760}
      height={270}
      title={{ ja: "ECR はレジストリ API、レイヤーの実体は S3", en: "ECR is the registry API; layer bytes live in S3" }}
      description={{
        ja: "Docker クライアントが docker pull を実行すると、まず Amazon ECR のレジストリ API(OCI Distribution API)に認証し、タグやダイジェストからマニフェストを受け取る。レジストリ API は各レイヤーについて S3 の署名付き URL を返し、クライアントはその URL からレイヤーをダウンロードする。レイヤーを保存する S3 バケットは AWS が管理しており、利用者のアカウントには現れない。利用者が直接扱うのはレジストリ API だけである。",
        en: "When a Docker client runs docker pull, it first authenticates to the Amazon ECR registry API (the OCI Distribution API) and receives the manifest for a tag or digest. For each layer, the registry API returns a presigned S3 URL, and the client downloads the layer from that URL. The S3 bucket holding the layers is managed by AWS and does not appear in the customer's account; customers only work with the registry API.",
      }}
    >
      <Box x={20} y={80} width={170} height={80} label={t("Docker クライアント", "Docker client")} sublabel="docker pull" />

      <Group x={250} y={20} width={490} height={230} title={t("Amazon ECR (AWS が管理)", "Amazon ECR (managed by AWS)")} />
      <Box
        x={270}
        y={65}
        width={200}
        height={90}
        label={t("レジストリ API", "Registry API")}
        sublabel={t("認証・マニフェスト・タグ\nOCI Distribution API", "auth, manifests, tags\nOCI Distribution API")}
        tone="accent"
      />
      <Box
        x={530}
        y={65}
        width={190}
        height={90}
        label={t("レイヤー保存 (S3)", "Layer storage (S3)")}
        sublabel={t("AWS 所有のバケット", "AWS-owned bucket")}
        tone="muted"
      />

      <Arrow points={[[190, 105], [270, 105]]} label={t("① manifest", "① manifest")} />
      <Arrow points={[[470, 110], [530, 110]]} label={t("署名付き URL", "presigned URL")} labelOffset={[0, -52]} dashed />
      <Arrow points={[[625, 155], [625, 215], [105, 215], [105, 160]]} label={t("② レイヤーをダウンロード", "② download layers")} labelSegment={1} />
    </DiagramFrame>
  );
}
