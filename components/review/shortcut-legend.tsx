// The keyboard shortcuts, always on screen next to the question.
type Labels = { shortcuts: string; keyPick: string; keyUndo: string; keySure: string; keyUnsure: string; keyGuessed: string; keyEasy: string; keyNext: string };

export function ShortcutLegend({ labels, ordering }: { labels: Labels; ordering: boolean }) {
  return (
    <section className="review-shortcuts" aria-label={labels.shortcuts}>
      <p className="review-shortcuts-title">{labels.shortcuts}</p>
      <ul>
        <li>
          <kbd>1</kbd>–<kbd>9</kbd> {labels.keyPick}
        </li>
        {ordering && (
          <li>
            <kbd>Backspace</kbd> {labels.keyUndo}
          </li>
        )}
        <li>
          <kbd>Enter</kbd> {labels.keySure}
        </li>
        <li>
          <kbd>U</kbd> {labels.keyUnsure}
        </li>
        <li>
          <kbd>G</kbd> {labels.keyGuessed}
        </li>
        <li>
          <kbd>E</kbd> {labels.keyEasy}
        </li>
        <li>
          <kbd>Space</kbd> / <kbd>Enter</kbd> {labels.keyNext}
        </li>
      </ul>
    </section>
  );
}
