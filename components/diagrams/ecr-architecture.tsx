// ECR architecture (used by the architecture lesson): the two endpoints, S3 layer storage, and
// the push, store, pull, deploy flow between a developer and the AWS services that pull images.
import { Arrow, Box, DiagramFrame, Group, type DiagramProps } from "./parts";

export default function EcrArchitecture({ locale }: DiagramProps) {
  const t = (ja: string, en: string) => (locale === "ja" ? ja : en);
  return (
    <DiagramFrame
      locale={locale}
      width={800}
      height={430}
      title={{
        ja: "ECR の内部構成：2 つのエンドポイントと S3",
        en: "Inside ECR: two endpoints and Amazon S3",
      }}
      description={{
        ja: "1 つのリージョンの Amazon ECR は、管理操作と認証トークン発行を受け持つ ECR API（api.ecr.<region>.amazonaws.com、VPC エンドポイント com.amazonaws.<region>.ecr.api）、docker が push と pull に使うレジストリ API（<account>.dkr.ecr.<region>.amazonaws.com、VPC エンドポイント com.amazonaws.<region>.ecr.dkr）、そしてレイヤーの実体を保存する AWS 管理の Amazon S3 バケット（VPC では S3 ゲートウェイエンドポイント）で構成される。開発者や CI は ECR API で認証トークンを取得し、① レジストリ API にイメージを push する。② レジストリはレイヤーを S3 に保存する。ECS、EKS、CodeBuild も ECR API で認証し、③ レジストリ API からマニフェストを pull し、レイヤー本体は S3 から直接ダウンロードする。④ 取得したイメージからコンテナを起動してデプロイする。",
        en: "In one Region, Amazon ECR consists of the ECR API, which handles management calls and issues authorization tokens (api.ecr.<region>.amazonaws.com, VPC endpoint com.amazonaws.<region>.ecr.api); the registry API that docker uses for push and pull (<account>.dkr.ecr.<region>.amazonaws.com, VPC endpoint com.amazonaws.<region>.ecr.dkr); and AWS-managed Amazon S3 buckets that hold the layer data (reached through an S3 gateway endpoint in a VPC). A developer or CI job gets a token from the ECR API and (1) pushes the image to the registry API. (2) The registry stores the layers in S3. ECS, EKS and CodeBuild also authenticate with the ECR API, (3) pull the manifest from the registry API and download the layer data directly from S3, and (4) start containers from the image to deploy the application.",
      }}
    >
      <Box
        x={20}
        y={50}
        width={140}
        height={200}
        label={t("開発者 / CI", "Developer / CI")}
        sublabel={"docker CLI\naws CLI"}
      />
      <Group x={210} y={15} width={320} height={400} title={t("Amazon ECR（1 つのリージョン）", "Amazon ECR (one Region)")} />
      <Box
        x={235}
        y={50}
        width={270}
        height={90}
        label={t("ECR API（管理・認証）", "ECR API (manage, auth)")}
        sublabel={"api.ecr.<region>.amazonaws.com\nVPC: com.amazonaws.<region>.ecr.api"}
      />
      <Box
        x={235}
        y={175}
        width={270}
        height={100}
        label={t("レジストリ API（Docker / OCI）", "Registry API (Docker / OCI)")}
        sublabel={"<account>.dkr.ecr\n.<region>.amazonaws.com\nVPC: com.amazonaws.<region>.ecr.dkr"}
        tone="accent"
      />
      <Box
        x={235}
        y={315}
        width={270}
        height={85}
        label={t("Amazon S3（レイヤー本体）", "Amazon S3 (layer data)")}
        sublabel={t("AWS が管理するバケット\nVPC: S3 ゲートウェイエンドポイント", "buckets managed by AWS\nVPC: S3 gateway endpoint")}
        tone="muted"
      />
      <Box
        x={600}
        y={50}
        width={180}
        height={200}
        label={"ECS / EKS /\nCodeBuild"}
        sublabel={t("④ デプロイして実行", "④ deploy and run")}
      />
      <Arrow points={[[160, 95], [235, 95]]} label={t("認証", "auth")} />
      <Arrow points={[[160, 225], [235, 225]]} label={t("① push", "① push")} />
      <Arrow points={[[370, 275], [370, 315]]} label={t("② 保存", "② store")} labelOffset={[34, 4]} />
      <Arrow points={[[600, 95], [505, 95]]} label={t("認証", "auth")} />
      <Arrow points={[[600, 225], [505, 225]]} label={t("③ pull", "③ pull")} />
      <Arrow points={[[690, 250], [690, 357], [505, 357]]} label={t("③ レイヤー", "③ layers")} labelSegment={1} />
    </DiagramFrame>
  );
}
