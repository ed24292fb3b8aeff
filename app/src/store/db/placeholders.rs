//! SQLite numbers `?` placeholders itself; PostgreSQL wants `$N`. The store's SQL may use
//! either, so the PostgreSQL text is made by numbering each `?` as SQLite would: `?N` is `$N`,
//! a bare `?` is one more than the largest number so far. Quoted text and identifiers are
//! copied as they are.

use std::borrow::Cow;

/// `sql` with every `?` placeholder written as `$N`.
pub fn numbered(sql: &str) -> Cow<'_, str> {
    if !sql.contains('?') {
        return Cow::Borrowed(sql);
    }
    let mut out = String::with_capacity(sql.len() + 16);
    let mut largest = 0u32;
    let mut quote: Option<char> = None;
    let mut chars = sql.chars().peekable();
    while let Some(c) = chars.next() {
        match (quote, c) {
            (Some(q), c) if c == q => {
                quote = None;
                out.push(c);
            }
            (Some(_), c) => out.push(c),
            (None, '\'' | '"') => {
                quote = Some(c);
                out.push(c);
            }
            (None, '?') => {
                let mut digits = String::new();
                while let Some(d) = chars.peek().copied().filter(char::is_ascii_digit) {
                    digits.push(d);
                    chars.next();
                }
                let n = digits.parse::<u32>().unwrap_or(largest + 1);
                largest = largest.max(n);
                out.push('$');
                out.push_str(&n.to_string());
            }
            (None, c) => out.push(c),
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::numbered;

    #[test]
    fn bare_and_numbered_placeholders_become_dollar_numbers_as_sqlite_counts_them() {
        assert_eq!(numbered("SELECT 1"), "SELECT 1");
        assert_eq!(
            numbered("SELECT a FROM t WHERE a = ? AND b = ?"),
            "SELECT a FROM t WHERE a = $1 AND b = $2"
        );
        assert_eq!(
            numbered("a = ?2 OR b = ?1 OR c = ?"),
            "a = $2 OR b = $1 OR c = $3"
        );
        assert_eq!(numbered("x = '?' AND y = ?"), "x = '?' AND y = $1");
        assert_eq!(numbered("already $1 and $2"), "already $1 and $2");
    }
}
