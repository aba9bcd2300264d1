// Tokenisation for full-text search in Japanese and English. Intl.Segmenter finds the words
// (ICU's dictionary-based segmentation for Japanese), then runs of CJK characters are indexed as
// overlapping character bigrams (plus single characters), so a query matches inside compound
// words ("サイクル" finds "ライフサイクル") the way Lucene's CJK bigram filter does.
import type { Locale } from "../i18n/locales";

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー々]/u;
const segmenters = new Map<Locale, Intl.Segmenter>();

function segmenter(locale: Locale): Intl.Segmenter {
  let s = segmenters.get(locale);
  if (!s) {
    s = new Intl.Segmenter(locale, { granularity: "word" });
    segmenters.set(locale, s);
  }
  return s;
}

export function normalize(text: string): string {
  return text.normalize("NFKC").toLowerCase();
}

function cjkGrams(run: string, forQuery: boolean): string[] {
  const chars = [...run];
  if (chars.length === 1) return chars;
  const grams: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) grams.push(chars[i]! + chars[i + 1]!);
  // Documents also index single characters so a one-character query ("性") can match.
  if (!forQuery) grams.push(...chars);
  return grams;
}

/**
 * Splits text into search terms. Latin words are lower-cased and NFKC-normalised (full-width
 * "ＥＣＲ" equals "ecr"); CJK runs become bigrams. `forQuery` skips the single-character grams
 * that only documents need.
 */
export function tokenize(text: string, locale: Locale, forQuery = false): string[] {
  const terms: string[] = [];
  let run = "";
  const flush = () => {
    if (run) terms.push(...cjkGrams(run, forQuery));
    run = "";
  };
  for (const { segment, isWordLike } of segmenter(locale).segment(normalize(text))) {
    if (!isWordLike) {
      flush();
      continue;
    }
    if (CJK.test(segment)) {
      run += segment;
      continue;
    }
    flush();
    terms.push(segment);
  }
  flush();
  return terms;
}
