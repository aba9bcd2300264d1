"use client";
// Any unexpected error: a calm message in both languages, never a stack trace.
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="page narrow">
      <h1>問題が発生しました / Something went wrong</h1>
      <p>予期しないエラーが発生しました。時間をおいてもう一度お試しください。</p>
      <p lang="en">Something went wrong. Please try again in a moment.</p>
      <button type="button" className="button button-primary" onClick={() => reset()}>
        再読み込み / Reload
      </button>
    </div>
  );
}
