// How the catalogue writes a reader's words before it gives them to Pagefind (loaded with the search engine,
// only when the reader searches). See plugins/advocacy/site/SEARCH.md.

// Pagefind 1.5 removes every combining mark from words, in the index and in queries ("diacritic folding"). In
// Devanagari those marks are vowel signs, virama and nukta: तुर्की (Turkey) and तर्क (argument) become one word.
// exactDiacritics makes Pagefind compare the spelling as typed; pages and queries are both NFC for it.
export const EXACT_DIACRITICS = new Set(["hi"]);
// Languages whose query words are cut to a stem here, and so rely on Pagefind matching the start of words.
export const STEMMED_QUERIES = new Set(["hi"]);
// A trailing run of vowel signs, anusvara or chandrabindu: dropped from Hindi query words, so that a word finds
// its inflected forms (मामला, मामलों), at least two code points kept.
const HINDI_ENDING = /[\u0901\u0902\u093E-\u094C]+$/u;

export function normalizeQuery(query, language) {
  let q = query.normalize("NFC");
  const base = (language || "").toLowerCase().split("-")[0];
  if (base === "hi" && !/^\s*".*"\s*$/.test(q)) {
    q = q
      .split(/\s+/)
      .map((word) => {
        const stem = word.replace(HINDI_ENDING, "");
        return [...stem].length >= 2 ? stem : word;
      })
      .join(" ");
  }
  // The Arabic stemmer indexes مستشفى as مستشفي but مستشفي as مستشف: written with ي, both spellings meet.
  if (base === "ar") q = q.replace(/\u0649/g, "\u064A");
  return q;
}
