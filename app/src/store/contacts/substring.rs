//! Finding a contact by any part of its name, email or phone: the folded `LIKE '%…%'`
//! patterns a search compares, and the trigrams that narrow it to candidates first (see
//! [`super::text_index`]). A text shorter than three characters has no trigram and is left to
//! the prefix branches.

use crate::store::db::SqlBuilder;

/// The fewest characters a part must have.
pub const MIN_CHARS: usize = 3;

/// The most: a longer text is left to the prefix branches, so that no caller can build a
/// trigram query or `LIKE` pattern past SQLite's limits (the screens refuse such a text first).
pub const MAX_CHARS: usize = 200;

/// The phone column without the punctuation a number may be written with, so that "555-01"
/// finds "+1 617 555 0105". The same expression is indexed on PostgreSQL.
pub const PHONE_DIGITS: &str = "replace(replace(replace(replace(replace(c.phone, ' ', ''), \
                                '-', ''), '.', ''), '(', ''), ')', '')";

/// A search text as parts to look for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Substring {
    /// The text, ASCII-folded as SQL's `lower()` folds it on both engines.
    folded: String,
    /// The digits, when the text is written like a phone number and has three or more.
    digits: Option<String>,
}

impl Substring {
    /// The parts of `text`, or `None` when it is too short to look for inside.
    pub fn of(text: &str) -> Option<Substring> {
        let text = text.trim();
        if !(MIN_CHARS..=MAX_CHARS).contains(&text.chars().count()) {
            return None;
        }
        let phone_like = text
            .chars()
            .all(|c| c.is_ascii_digit() || " .-()+".contains(c));
        let digits: String = text.chars().filter(char::is_ascii_digit).collect();
        Some(Substring {
            folded: text.to_ascii_lowercase(),
            digits: (phone_like && digits.len() >= MIN_CHARS).then_some(digits),
        })
    }

    /// Appends the condition (no leading `AND`): the folded name or email holds the text, or
    /// the phone's digits hold its digits.
    pub fn push_match(&self, sql: &mut SqlBuilder) {
        let pattern = like_pattern(&self.folded);
        sql.push("(lower(c.name) LIKE ")
            .push_bind(pattern.clone())
            .push(" ESCAPE '\\' OR lower(c.email) LIKE ")
            .push_bind(pattern)
            .push(" ESCAPE '\\'");
        if let Some(digits) = &self.digits {
            sql.push(format_args!(" OR {PHONE_DIGITS} LIKE "))
                .push_bind(like_pattern(digits))
                .push(" ESCAPE '\\'");
        }
        sql.push(")");
    }

    /// An FTS5 query for the contacts that hold every trigram of the text (or of its digits):
    /// each trigram quoted as one token, so that the query needs no phrase support.
    pub fn trigram_query(&self) -> String {
        let all = |text: &str| {
            let chars: Vec<char> = text.chars().collect();
            chars
                .windows(MIN_CHARS)
                .map(|w| format!("\"{}\"", w.iter().collect::<String>().replace('"', "\"\"")))
                .collect::<Vec<_>>()
                .join(" AND ")
        };
        match &self.digits {
            Some(digits) => format!("({}) OR ({})", all(&self.folded), all(digits)),
            None => all(&self.folded),
        }
    }
}

/// `%text%` with `\`, `%` and `_` escaped, for `LIKE … ESCAPE '\'`.
fn like_pattern(text: &str) -> String {
    let mut pattern = String::with_capacity(text.len() + 2);
    pattern.push('%');
    for c in text.chars() {
        if matches!(c, '\\' | '%' | '_') {
            pattern.push('\\');
        }
        pattern.push(c);
    }
    pattern.push('%');
    pattern
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_and_overlong_texts_are_left_to_the_prefixes() {
        assert_eq!(Substring::of("  jo "), None);
        assert!(Substring::of(&"a".repeat(200)).is_some());
        assert_eq!(
            Substring::of(&"a".repeat(201)),
            None,
            "longer than anything stored"
        );
        assert_eq!(Substring::of("Émi").map(|s| s.folded), Some("Émi".into()));
        assert_eq!(Substring::of("JOH").map(|s| s.folded), Some("joh".into()));
    }

    #[test]
    fn only_a_text_written_like_a_number_looks_in_phones() {
        let digits = |t: &str| Substring::of(t).and_then(|s| s.digits);
        assert_eq!(digits("(617) 555-01").as_deref(), Some("61755501"));
        assert_eq!(digits("+1 6"), None, "fewer than three digits");
        assert_eq!(digits("son123"), None, "a name with digits is not a number");
    }

    #[test]
    fn like_patterns_escape_their_wildcards() {
        assert_eq!(like_pattern("a%b_c\\d"), "%a\\%b\\_c\\\\d%");
        assert_eq!(like_pattern("ohn"), "%ohn%");
    }

    #[test]
    fn trigram_queries_quote_each_trigram_and_add_the_digits() {
        let query = |t: &str| Substring::of(t).unwrap().trigram_query();
        assert_eq!(query("Rossi"), r#""ros" AND "oss" AND "ssi""#);
        assert_eq!(query("a\"bc"), r#""a""b" AND """bc""#);
        assert_eq!(query("Émil"), r#""Émi" AND "mil""#);
        assert_eq!(
            query("555-01"),
            r#"("555" AND "55-" AND "5-0" AND "-01") OR ("555" AND "550" AND "501")"#
        );
    }
}
