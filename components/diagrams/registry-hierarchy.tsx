// The private registry's hierarchy: one registry per account and Region, repositories inside it,
// images (identified by digest) inside each repository, and tags pointing at images.
import { Box, DiagramFrame, Group, type DiagramProps } from "./parts";

export default function RegistryHierarchy({ locale }: DiagramProps) {
  const t = (ja: string, en: string) => (locale === "ja" ? ja : en);
  return (
    <DiagramFrame
      locale={locale}
      width={760}
      height={340}
      title={{ ja: "レジストリ → リポジトリ → イメージ(ダイジェストとタグ)", en: "Registry → repository → image (digest and tags)" }}
      description={{
        ja: "一番外側はアカウント 123456789012 の ap-northeast-1 リージョンのプライベートレジストリで、URL は 123456789012.dkr.ecr.ap-northeast-1.amazonaws.com。その中にリポジトリ team-a/web と team-a/api がある。team-a/web にはダイジェスト sha256:3f1a… のイメージ(タグ 1.4.0 と latest)と、ダイジェスト sha256:9b2c… のイメージ(タグ 1.3.0)がある。team-a/api にはダイジェスト sha256:5e8d… のイメージ(タグ 2.0.1)と、タグのないダイジェスト sha256:0d7e… のイメージがある。イメージはダイジェストで一意に識別され、タグは 0 個以上付けられる名札である。",
        en: "The outer box is the private registry of account 123456789012 in the ap-northeast-1 Region, at 123456789012.dkr.ecr.ap-northeast-1.amazonaws.com. It contains the repositories team-a/web and team-a/api. team-a/web holds an image with digest sha256:3f1a… tagged 1.4.0 and latest, and an image with digest sha256:9b2c… tagged 1.3.0. team-a/api holds an image with digest sha256:5e8d… tagged 2.0.1, and an untagged image with digest sha256:0d7e…. Each image is identified uniquely by its digest; tags are zero or more name labels attached to it.",
      }}
    >
      <Group
        x={20}
        y={20}
        width={720}
        height={300}
        title={t("レジストリ: 123456789012.dkr.ecr.ap-northeast-1.amazonaws.com", "Registry: 123456789012.dkr.ecr.ap-northeast-1.amazonaws.com")}
      />
      <Group x={40} y={60} width={330} height={245} title={t("リポジトリ team-a/web", "Repository team-a/web")} />
      <Box x={60} y={100} width={290} height={80} label={t("イメージ", "Image")} sublabel={"digest: sha256:3f1a…\ntags: 1.4.0, latest"} tone="accent" />
      <Box x={60} y={205} width={290} height={80} label={t("イメージ", "Image")} sublabel={"digest: sha256:9b2c…\ntags: 1.3.0"} tone="accent" />

      <Group x={390} y={60} width={330} height={245} title={t("リポジトリ team-a/api", "Repository team-a/api")} />
      <Box x={410} y={100} width={290} height={80} label={t("イメージ", "Image")} sublabel={"digest: sha256:5e8d…\ntags: 2.0.1"} tone="accent" />
      <Box
        x={410}
        y={205}
        width={290}
        height={80}
        label={t("イメージ(タグなし)", "Image (untagged)")}
        sublabel={t("digest: sha256:0d7e…\ntags: なし", "digest: sha256:0d7e…\ntags: none")}
        tone="muted"
      />
    </DiagramFrame>
  );
}
