// A multi-architecture image: one tag points to an image index (manifest list) that lists a manifest per platform.
import { Arrow, Box, DiagramFrame, Label, type DiagramProps } from "./parts";

export default function MultiArchIndex({ locale }: DiagramProps) {
  const t = (ja: string, en: string) => (locale === "ja" ? ja : en);
  return (
    <DiagramFrame
      locale={locale}
      width={720}
      height={300}
      title={{ ja: "マルチアーキテクチャイメージとイメージインデックス", en: "A multi-architecture image and its index" }}
      description={{
        ja: "タグ my-app:1.0 はイメージインデックス (Docker ではマニフェストリスト、OCI ではイメージインデックス) を指す。インデックスにはプラットフォームごとのマニフェストが並び、linux/amd64 用と linux/arm64 用のマニフェストがそれぞれ自分の設定とレイヤーを参照する。クライアントは自分の OS と CPU に合うマニフェストを選んでプルする。プラットフォーム別のマニフェストは ECR ではタグのないイメージとして保存される。",
        en: "The tag my-app:1.0 points to an image index (a manifest list in Docker terms, an image index in OCI terms). The index lists one manifest per platform: one for linux/amd64 and one for linux/arm64, each referencing its own config and layers. A client picks the manifest that matches its own OS and CPU and pulls only that one. In ECR the per-platform manifests are stored as untagged images.",
      }}
    >
      <Box x={20} y={110} width={140} height={60} label={t("タグ", "Tag")} sublabel="my-app:1.0" tone="muted" />
      <Box
        x={200}
        y={95}
        width={210}
        height={90}
        label={t("イメージインデックス", "Image index")}
        sublabel={t("マニフェストリスト /\nOCI イメージインデックス", "manifest list /\nOCI image index")}
        tone="accent"
      />
      <Box x={470} y={25} width={230} height={80} label={t("マニフェスト linux/amd64", "Manifest linux/amd64")} sublabel={t("設定 + レイヤー (x86_64 用)", "config + layers for x86_64")} />
      <Box x={470} y={175} width={230} height={80} label={t("マニフェスト linux/arm64", "Manifest linux/arm64")} sublabel={t("設定 + レイヤー (Graviton 用)", "config + layers for Graviton")} />
      <Arrow points={[[160, 140], [200, 140]]} />
      <Arrow points={[[410, 125], [440, 125], [440, 65], [470, 65]]} />
      <Arrow points={[[410, 155], [440, 155], [440, 215], [470, 215]]} />
      <Label x={360} y={285} small>
        {t("クライアントは自分の OS と CPU に合うマニフェストだけを選んでプルします", "Each client pulls only the manifest that matches its own OS and CPU")}
      </Label>
    </DiagramFrame>
  );
}
