// Question text with `backticks` shown as code, the only markup the question bank uses.
export function InlineText({ text }: { text: string }) {
  const parts = text.split("`");
  // An unmatched backtick leaves an even number of parts: show the text as written.
  if (parts.length % 2 === 0) return <>{text}</>;
  return <>{parts.map((part, i) => (i % 2 === 1 ? <code key={i}>{part}</code> : part))}</>;
}
