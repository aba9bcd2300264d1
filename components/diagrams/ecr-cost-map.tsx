// Where Amazon ECR costs arise along the push-and-pull flow (lesson pricing).
import { Arrow, Box, DiagramFrame, Group, type DiagramProps } from "./parts";

export default function EcrCostMap({ locale }: DiagramProps) {
  const t = (ja: string, en: string) => (locale === "ja" ? ja : en);
  return (
    <DiagramFrame
      locale={locale}
      width={800}
      height={340}
      title={{ ja: "ECR の料金が発生する場所", en: "Where ECR costs occur" }}
      description={{
        ja: "開発者や CI がイメージをプッシュする通信（AWS へのデータ転送イン）は無料。ECR に保存されたイメージは圧縮後のサイズで GB-月単位のストレージ料金がかかる。拡張スキャンを使うと Amazon Inspector の料金、カスタマーマネージドキーで暗号化すると AWS KMS のリクエスト料金が別に発生する。同じリージョンの ECS や EKS へのプルは ECR のデータ転送料金が無料だが、NAT ゲートウェイを通るとそのデータ処理料金、インターフェイス VPC エンドポイントを使うとエンドポイントの時間料金とデータ処理料金が VPC 側でかかる。別のリージョンへのレプリケーションやプルにはリージョン間データ転送料金がかかり、レプリカは転送先でもストレージ料金の対象になる。インターネット上のクライアントへのプルにはデータ転送アウト料金がかかる。",
        en: "Pushing images from a developer or CI system is data transfer into AWS and is not charged. Images stored in ECR are billed per GB-month of compressed size. Enhanced scanning adds Amazon Inspector charges, and encrypting with a customer managed key adds AWS KMS request charges. Pulls by ECS or EKS in the same Region have no ECR data transfer charge, but traffic through a NAT gateway incurs NAT data processing, and interface VPC endpoints incur hourly and data processing charges, billed on the VPC side. Replicating or pulling to another Region incurs inter-Region data transfer, and the replica is billed for storage in the destination too. Pulls by clients on the internet incur data transfer out charges.",
      }}
    >
      <Box x={20} y={125} width={140} height={80} label={t("開発者 / CI", "Developer / CI")} sublabel={t("docker push", "docker push")} />
      <Group x={185} y={20} width={400} height={305} title={t("リージョン（例: us-east-1）", "Region (e.g. us-east-1)")} />
      <Box
        x={205}
        y={110}
        width={170}
        height={110}
        label="Amazon ECR"
        sublabel={t("ストレージ: GB-月\n（圧縮後のサイズ）", "storage: GB-month\n(compressed size)")}
        tone="accent"
      />
      <Box
        x={400}
        y={40}
        width={175}
        height={74}
        label="ECS / EKS"
        sublabel={t("ECR の転送料: 無料\nNAT・エンドポイント料は別", "no ECR transfer fee\nNAT/endpoint fees extra")}
      />
      <Box x={205} y={245} width={170} height={66} label="Amazon Inspector" sublabel={t("拡張スキャン（イメージ単位）", "enhanced scanning\n(per image)")} tone="muted" />
      <Box x={400} y={245} width={170} height={66} label="AWS KMS" sublabel={t("CMK 利用時のリクエスト料", "requests (CMK only)")} tone="muted" />
      <Box x={615} y={125} width={170} height={80} label={t("別リージョン", "Another Region")} sublabel={t("リージョン間転送料\n＋レプリカの保存料", "inter-Region transfer\n+ replica storage")} tone="warning" />
      <Box x={615} y={230} width={170} height={80} label={t("インターネット", "Internet")} sublabel={t("データ転送アウト料金", "data transfer out")} tone="warning" />
      <Arrow points={[[160, 165], [205, 165]]} label={t("無料", "free")} />
      <Arrow points={[[375, 130], [390, 130], [390, 77], [400, 77]]} label="pull" labelSegment={1} labelOffset={[-18, 2]} />
      <Arrow points={[[375, 165], [615, 165]]} label={t("レプリケーション / pull", "replication / pull")} labelSegment={0} labelOffset={[0, -8]} />
      <Arrow points={[[375, 200], [595, 200], [595, 270], [615, 270]]} label="pull" labelSegment={0} labelOffset={[0, -8]} />
      <Arrow points={[[265, 220], [265, 245]]} dashed />
      <Arrow points={[[340, 220], [340, 232], [450, 232], [450, 245]]} dashed />
    </DiagramFrame>
  );
}
