"use client";
// Progress of the page's running scans: polls /{locale}/registry/scan-progress about once a second
// while any image is IN_PROGRESS, draws a bar per scan (percent and MiB of compressed layers read;
// indeterminate when this server process has no progress for it, e.g. another process runs it),
// and refreshes the page when a scan ends, announcing it in a live region.
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { z } from "zod";

const POLL_MS = 1000;
const MiB = 1024 * 1024;

const ProgressResponse = z.object({
  scans: z.array(z.object({ digest: z.string(), status: z.string(), progress: z.object({ bytesRead: z.number(), totalBytes: z.number() }).nullable() })),
});

type Progress = { bytesRead: number; totalBytes: number } | null;

type Labels = { progressLabel: string; progress: string; progressUnknown: string; finished: string };

type Props = {
  /** The JSON endpoint, with the repository in its query. */
  endpoint: string;
  /** The images whose scan was IN_PROGRESS when the page was rendered. */
  running: { digest: string; label: string }[];
  labels: Labels;
};

function fill(template: string, vars: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}

function ProgressBar({ label, progress, labels }: { label: string; progress: Progress; labels: Labels }) {
  const name = fill(labels.progressLabel, { image: label });
  if (!progress || progress.totalBytes <= 0) {
    return (
      <div className="scan-progress">
        <div role="progressbar" aria-label={name} aria-valuetext={labels.progressUnknown} className="scan-progress-track is-indeterminate">
          <span className="scan-progress-fill" />
        </div>
        <p className="hint">{labels.progressUnknown}</p>
      </div>
    );
  }
  const percent = Math.min(100, Math.floor((progress.bytesRead / progress.totalBytes) * 100));
  const text = fill(labels.progress, { percent, read: (progress.bytesRead / MiB).toFixed(1), total: (progress.totalBytes / MiB).toFixed(1) });
  return (
    <div className="scan-progress">
      <div role="progressbar" aria-label={name} aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} aria-valuetext={text} className="scan-progress-track">
        <span className="scan-progress-fill" style={{ width: `${percent}%` }} />
      </div>
      <p className="hint">{text}</p>
    </div>
  );
}

export function ScanProgressWatcher({ endpoint, running, labels }: Props) {
  const router = useRouter();
  const [progress, setProgress] = useState<Record<string, Progress>>({});
  const [finished, setFinished] = useState("");
  const runningKey = running.map((r) => r.digest).join(" ");

  useEffect(() => {
    if (!runningKey) return;
    const digests = runningKey.split(" ");
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const response = await fetch(endpoint, { cache: "no-store", headers: { Accept: "application/json" } });
        // Signed out or a bad request: asking again cannot help; the bars stay as they were.
        if (response.status >= 400 && response.status < 500) return;
        if (response.ok) {
          const { scans } = ProgressResponse.parse(await response.json());
          const byDigest = new Map(scans.map((s) => [s.digest, s]));
          if (stopped) return;
          setProgress(Object.fromEntries(digests.map((d) => [d, byDigest.get(d)?.progress ?? null])));
          // A scan that is no longer IN_PROGRESS (or whose image is gone) has ended.
          const ended = digests.filter((d) => byDigest.get(d)?.status !== "IN_PROGRESS");
          if (ended.length) {
            setFinished(ended.map((d) => running.find((r) => r.digest === d)?.label ?? d).join(", "));
            router.refresh();
            return;
          }
        }
      } catch {
        // A failed poll (server restarting, offline) is retried on the next tick.
      }
      if (!stopped) timer = setTimeout(poll, POLL_MS);
    };
    timer = setTimeout(poll, POLL_MS);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
    // `running` is identified by runningKey; its labels never change without its digests changing.
  }, [endpoint, runningKey, router]);

  return (
    <div className="scan-progress-list" data-testid="scan-progress">
      {running.map((r) => (
        <div key={r.digest} className="scan-progress-item">
          <strong>{r.label}</strong>
          <ProgressBar label={r.label} progress={progress[r.digest] ?? null} labels={labels} />
        </div>
      ))}
      <p role="status" aria-live="polite" className="scan-progress-done">
        {finished ? fill(labels.finished, { image: finished }) : ""}
      </p>
    </div>
  );
}
