//! Multi-row `INSERT … VALUES (…), (…)` statements: one prepared statement per batch size,
//! reused by sqlx's statement cache, so bulk writes bind values instead of parsing SQL.

/// `INSERT INTO table (columns) VALUES (?, …), …` for `rows` rows. Portable SQL.
pub fn insert_sql(table: &str, columns: &[&str], rows: usize) -> String {
    let one = format!("({})", vec!["?"; columns.len()].join(", "));
    let mut sql = format!("INSERT INTO {table} ({}) VALUES ", columns.join(", "));
    sql.reserve(rows * (one.len() + 2));
    for i in 0..rows {
        if i > 0 {
            sql.push_str(", ");
        }
        sql.push_str(&one);
    }
    sql
}

/// How many rows fit in one statement: SQLite binds at most 32 766 values per statement.
pub fn rows_per_statement(columns: usize) -> usize {
    (32_000 / columns).min(1_000)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_rows_of_two_columns() {
        assert_eq!(
            insert_sql("t", &["a", "b"], 2),
            "INSERT INTO t (a, b) VALUES (?, ?), (?, ?)"
        );
    }
}
