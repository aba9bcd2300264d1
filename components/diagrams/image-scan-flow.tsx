// Image-scanning lesson: push, scan, findings, EventBridge rule, SNS / Lambda, then fix and re-push.
import { Arrow, Box, DiagramFrame, Group, type DiagramProps } from "./parts";

export default function ImageScanFlow({ locale }: DiagramProps) {
  const t = (ja: string, en: string) => (locale === "ja" ? ja : en);
  return (
    <DiagramFrame
      locale={locale}
      width={780}
      height={330}
      title={{ ja: "イメージスキャンから通知・対応までの流れ", en: "From image scan to alert and remediation" }}
      description={{
        ja: "① 開発者または CI が docker push でイメージをリポジトリに送ります。② スキャン設定に一致するリポジトリでは、プッシュ時（または手動・継続）にスキャンが実行されます。ベーシックスキャンは ECR が、拡張スキャンは Amazon Inspector が行います。③ 検出結果として CVE ごとの重要度と件数が記録されます。④ スキャン完了や検出結果の変化はイベントとして Amazon EventBridge に送られ、ルールで CRITICAL を含むものなどに絞り込みます。⑤ ルールのターゲットとして Amazon SNS でメールやチャットに通知し、AWS Lambda で自動対応（チケット起票や再ビルドの起動）を行います。⑥ 開発者はパッチ済みのベースイメージで再ビルドし、再プッシュして再デプロイします。",
        en: "① A developer or CI pipeline pushes an image to the repository with docker push. ② Repositories that match the scanning configuration are scanned on push (or manually, or continuously). Basic scanning is done by ECR, enhanced scanning by Amazon Inspector. ③ The findings record each CVE with its severity, plus counts per severity. ④ Scan completion and finding changes are sent as events to Amazon EventBridge, where a rule filters them, for example to those with CRITICAL findings. ⑤ The rule's targets are an Amazon SNS topic that alerts people by email or chat, and an AWS Lambda function that automates the response (opening a ticket or starting a rebuild). ⑥ The developer rebuilds on a patched base image, pushes again and redeploys.",
      }}
    >
      <Box x={15} y={50} width={140} height={70} label={t("① 開発者 / CI", "① Developer / CI")} sublabel="docker push" />
      <Group x={165} y={15} width={595} height={125} title="Amazon ECR" />
      <Box x={185} y={50} width={150} height={70} label={t("リポジトリ", "Repository")} sublabel="my-app:1.0" />
      <Box
        x={370}
        y={50}
        width={180}
        height={70}
        label={t("② スキャン", "② Scan")}
        sublabel={t("ベーシック / 拡張", "basic / enhanced")}
        tone="accent"
      />
      <Box
        x={585}
        y={50}
        width={155}
        height={70}
        label={t("③ 検出結果", "③ Findings")}
        sublabel={t("重要度ごとの件数", "counts per severity")}
      />
      <Box
        x={585}
        y={205}
        width={155}
        height={70}
        label="④ EventBridge"
        sublabel={t("ルールで絞り込み", "rule filters events")}
      />
      <Box
        x={330}
        y={180}
        width={210}
        height={55}
        label="⑤ Amazon SNS"
        sublabel={t("メール・チャットへ通知", "email / chat alerts")}
      />
      <Box
        x={330}
        y={260}
        width={210}
        height={55}
        label="⑤ AWS Lambda"
        sublabel={t("自動対応・再ビルド起動", "auto-remediation")}
      />
      <Box
        x={20}
        y={220}
        width={260}
        height={75}
        label={t("⑥ 修正と再デプロイ", "⑥ Fix and redeploy")}
        sublabel={t("パッチ済みベースで再ビルド\n再プッシュ → 再デプロイ", "rebuild on a patched base\npush again → redeploy")}
        tone="warning"
      />
      <Arrow points={[[155, 85], [185, 85]]} />
      <Arrow points={[[335, 85], [370, 85]]} />
      <Arrow points={[[550, 85], [585, 85]]} />
      <Arrow points={[[662, 120], [662, 205]]} label={t("イベント", "event")} labelOffset={[36, 4]} />
      <Arrow points={[[585, 225], [540, 207]]} />
      <Arrow points={[[585, 255], [540, 287]]} />
      <Arrow points={[[330, 207], [280, 245]]} />
      <Arrow points={[[330, 287], [280, 270]]} />
      <Arrow points={[[85, 220], [85, 120]]} label={t("再プッシュ", "push again")} labelOffset={[44, 4]} dashed />
    </DiagramFrame>
  );
}
