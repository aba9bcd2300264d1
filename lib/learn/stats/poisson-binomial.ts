// The score of an exam whose questions are independent with their own probability of a right
// answer follows a Poisson-binomial distribution. Computed exactly by dynamic programming:
// after each question, P(k right so far) = P(k-1) · p + P(k) · (1 − p). O(n²) for n questions.

/** P(score = k) for k = 0..n. */
export function scoreDistribution(probabilities: readonly number[]): number[] {
  const dist = new Array<number>(probabilities.length + 1).fill(0);
  dist[0] = 1;
  probabilities.forEach((raw, i) => {
    const p = Math.min(1, Math.max(0, raw));
    for (let k = i + 1; k >= 0; k--) dist[k] = (k > 0 ? dist[k - 1]! * p : 0) + dist[k]! * (1 - p);
  });
  return dist;
}

/** P(score ≥ needed). */
export function probabilityAtLeast(probabilities: readonly number[], needed: number): number {
  if (needed <= 0) return 1;
  const tail = scoreDistribution(probabilities)
    .slice(needed)
    .reduce((sum, p) => sum + p, 0);
  return Math.min(1, Math.max(0, tail));
}
