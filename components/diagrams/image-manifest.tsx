// Anatomy of a single-platform image: a tag points to a manifest, which references a config blob and layer blobs by digest.
import { Arrow, Box, DiagramFrame, Group, Label, type DiagramProps } from "./parts";

export default function ImageManifest({ locale }: DiagramProps) {
  const t = (ja: string, en: string) => (locale === "ja" ? ja : en);
  return (
    <DiagramFrame
      locale={locale}
      width={720}
      height={320}
      title={{ ja: "イメージの構造：マニフェスト・設定・レイヤー", en: "Inside an image: manifest, config and layers" }}
      description={{
        ja: "タグ my-app:1.0 はマニフェストを指す。マニフェストは JSON で、そのバイト列の SHA-256 がイメージのダイジェストになる。マニフェストは設定 (config) の blob と、圧縮された tar 形式のレイヤー blob をそれぞれダイジェストで参照する。設定には OS、CPU アーキテクチャ、環境変数、起動コマンドなどが入る。同じ内容のレイヤーは同じダイジェストになるため、レジストリは一度だけ保存すればよい。",
        en: "The tag my-app:1.0 points to a manifest. The manifest is a JSON document, and the SHA-256 of its bytes is the image digest. The manifest references a config blob and several layer blobs (compressed tar archives), each by its own digest. The config holds the OS, CPU architecture, environment variables and start command. Identical layers have identical digests, so a registry stores them only once.",
      }}
    >
      <Box x={20} y={40} width={150} height={60} label={t("タグ", "Tag")} sublabel="my-app:1.0" tone="muted" />
      <Box x={240} y={30} width={200} height={80} label={t("マニフェスト", "Manifest")} sublabel={t("JSON 文書\nsha256:… = ダイジェスト", "JSON document\nsha256:… = digest")} tone="accent" />
      <Box
        x={480}
        y={30}
        width={220}
        height={80}
        label={t("ダイジェスト", "Digest")}
        sublabel={t("内容の SHA-256 ハッシュ\n内容が変われば値も変わる", "SHA-256 of the content\nnew content, new value")}
        tone="muted"
      />
      <Arrow points={[[170, 70], [240, 70]]} label={t("指す", "points to")} />
      <Box x={40} y={190} width={200} height={90} label={t("設定 (config)", "Config")} sublabel={t("OS・CPU アーキテクチャ\n環境変数・起動コマンド", "OS, CPU architecture\nenv vars, start command")} />
      <Group x={275} y={155} width={435} height={140} title={t("レイヤー (圧縮 tar の blob)", "Layers (compressed tar blobs)")} />
      <Box x={295} y={195} width={120} height={70} label={t("レイヤー 1", "Layer 1")} sublabel={t("ベース OS", "base OS")} />
      <Box x={435} y={195} width={120} height={70} label={t("レイヤー 2", "Layer 2")} sublabel={t("ライブラリ", "libraries")} />
      <Box x={575} y={195} width={120} height={70} label={t("レイヤー 3", "Layer 3")} sublabel={t("アプリ", "your app")} />
      <Arrow points={[[290, 110], [290, 145], [140, 145], [140, 190]]} label={t("config のダイジェスト", "config digest")} labelSegment={1} labelOffset={[-12, -8]} />
      <Arrow points={[[390, 110], [390, 135], [490, 135], [490, 155]]} label={t("レイヤーのダイジェスト", "layer digests")} labelSegment={1} labelOffset={[40, -6]} />
      <Label x={360} y={313} small>
        {t("同じレイヤーは同じダイジェスト → 保存もアップロードも一度だけ", "Same layer, same digest: stored and uploaded only once")}
      </Label>
    </DiagramFrame>
  );
}
