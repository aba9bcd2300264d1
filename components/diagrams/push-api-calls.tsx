// The ECR API calls that the Docker client triggers behind docker push and docker pull.
import { Arrow, Box, DiagramFrame, Group, Label, type DiagramProps } from "./parts";

export default function PushApiCalls({ locale }: DiagramProps) {
  const t = (ja: string, en: string) => (locale === "ja" ? ja : en);
  return (
    <DiagramFrame
      locale={locale}
      width={720}
      height={496}
      title={{ ja: "docker push / docker pull の裏で呼ばれる API", en: "The API calls behind docker push and docker pull" }}
      description={{
        ja: "どちらの操作も最初に GetAuthorizationToken で得たトークンでログインしておく。プッシュでは、① BatchCheckLayerAvailability でレジストリに既にあるレイヤーを確認し、足りないレイヤーごとに ② InitiateLayerUpload でアップロードを開始、③ UploadLayerPart で分割して送信、④ CompleteLayerUpload でダイジェストを検証して完了する。最後に ⑤ PutImage でマニフェストとタグを登録する。プルでは、① BatchGetImage でマニフェストを取得し、② GetDownloadUrlForLayer でレイヤーごとの署名付き URL を受け取り、③ レイヤー本体は Amazon S3 からダウンロードする。",
        en: "Both operations start from a login made with a token from GetAuthorizationToken. For a push: 1. BatchCheckLayerAvailability asks which layers the registry already has; for each missing layer, 2. InitiateLayerUpload starts an upload, 3. UploadLayerPart sends the data in parts and 4. CompleteLayerUpload verifies the digest. Finally 5. PutImage stores the manifest and the tag. For a pull: 1. BatchGetImage returns the manifest, 2. GetDownloadUrlForLayer returns a pre-signed URL for each layer, and 3. the layer data itself is downloaded from Amazon S3.",
      }}
    >
      <Box x={20} y={12} width={680} height={46} label={t("⓪ GetAuthorizationToken → docker login (両方で共通)", "⓪ GetAuthorizationToken → docker login (both directions)")} tone="muted" />
      <Group x={20} y={72} width={330} height={410} title={t("プッシュ (docker push)", "Push (docker push)")} />
      <Box x={45} y={105} width={280} height={54} label="① BatchCheckLayerAvailability" sublabel={t("このレイヤーはもうある？", "which layers exist already?")} />
      <Box x={45} y={179} width={280} height={54} label="② InitiateLayerUpload" sublabel={t("アップロード開始 (uploadId)", "start an upload (uploadId)")} />
      <Box x={45} y={253} width={280} height={54} label="③ UploadLayerPart × n" sublabel={t("レイヤーを分割して送信", "send the layer in parts")} />
      <Box x={45} y={327} width={280} height={54} label="④ CompleteLayerUpload" sublabel={t("ダイジェストを検証", "verify the digest")} />
      <Box x={45} y={401} width={280} height={54} label="⑤ PutImage" sublabel={t("マニフェストとタグを登録", "store manifest and tag")} tone="accent" />
      <Arrow points={[[185, 159], [185, 179]]} />
      <Arrow points={[[185, 233], [185, 253]]} />
      <Arrow points={[[185, 307], [185, 327]]} />
      <Arrow points={[[185, 381], [185, 401]]} />
      <Group x={370} y={72} width={330} height={410} title={t("プル (docker pull)", "Pull (docker pull)")} />
      <Box x={395} y={105} width={280} height={54} label="① BatchGetImage" sublabel={t("マニフェストを取得", "get the manifest")} tone="accent" />
      <Box x={395} y={179} width={280} height={54} label="② GetDownloadUrlForLayer" sublabel={t("レイヤーの署名付き URL", "pre-signed URL per layer")} />
      <Box x={395} y={253} width={280} height={54} label={t("③ Amazon S3 からダウンロード", "③ Download from Amazon S3")} sublabel={t("レイヤーの実体は S3 から届く", "layer data comes from S3")} tone="muted" />
      <Arrow points={[[535, 159], [535, 179]]} />
      <Arrow points={[[535, 233], [535, 253]]} />
      <Label x={535} y={345} small>
        {t("②〜③ はレイヤーの数だけ繰り返し", "②–③ repeat for every layer")}
      </Label>
      <Label x={535} y={367} small>
        {t("閉じた VPC では S3 ゲートウェイ", "In a private VPC you also need")}
      </Label>
      <Label x={535} y={387} small>
        {t("エンドポイントも必要になります", "an S3 gateway endpoint")}
      </Label>
      <Label x={185} y={474} small>
        {t("②〜④ は足りないレイヤーごとに繰り返し", "②–④ repeat for each missing layer")}
      </Label>
    </DiagramFrame>
  );
}
