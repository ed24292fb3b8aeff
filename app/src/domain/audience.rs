//! Audience conditions such as `child_age < 3` or `stage = customer`: parsed once, then checked
//! per recipient by the `audience` rule and used to tell who a campaign is aimed at.

use super::contact::ContactFacts;
use super::vocabulary::Stage;
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;
use std::fmt;
use thiserror::Error;

/// What a condition looks at: the contact's stage or one of its attributes.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    /// The lifecycle stage (only `=` and `!=`).
    Stage,
    /// A free attribute, by key.
    Attribute(String),
}

/// A comparison.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Op {
    /// `=`
    Eq,
    /// `!=`
    Ne,
    /// `<`
    Lt,
    /// `<=`
    Le,
    /// `>`
    Gt,
    /// `>=`
    Ge,
}

impl Op {
    const SYMBOLS: [(&'static str, Op); 7] = [
        ("<=", Op::Le),
        (">=", Op::Ge),
        ("!=", Op::Ne),
        ("==", Op::Eq),
        ("<", Op::Lt),
        (">", Op::Gt),
        ("=", Op::Eq),
    ];

    /// The operator as written.
    pub fn symbol(self) -> &'static str {
        match self {
            Op::Eq => "=",
            Op::Ne => "!=",
            Op::Lt => "<",
            Op::Le => "<=",
            Op::Gt => ">",
            Op::Ge => ">=",
        }
    }

    fn accepts(self, order: Ordering) -> bool {
        match self {
            Op::Eq => order.is_eq(),
            Op::Ne => order.is_ne(),
            Op::Lt => order.is_lt(),
            Op::Le => order.is_le(),
            Op::Gt => order.is_gt(),
            Op::Ge => order.is_ge(),
        }
    }
}

/// One condition: `<field> <op> <value>`. Compared as numbers when both sides are numbers,
/// otherwise as text (equality ignores ASCII case).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Condition {
    field: Field,
    op: Op,
    value: String,
    number: Option<f64>,
}

/// A condition that could not be read.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("invalid audience condition {condition:?}: {reason}")]
pub struct AudienceError {
    /// The condition as given.
    pub condition: String,
    /// What is wrong, and what is expected.
    pub reason: String,
}

impl Condition {
    /// Parses e.g. `child_age < 3`, `stage = customer`, `city = "New York"`.
    pub fn parse(text: &str) -> Result<Condition, AudienceError> {
        let fail = |reason: String| AudienceError {
            condition: text.to_owned(),
            reason,
        };
        let (at, symbol, op) = Op::SYMBOLS
            .iter()
            .filter_map(|(symbol, op)| text.find(symbol).map(|at| (at, *symbol, *op)))
            .min_by_key(|(at, symbol, _)| (*at, std::cmp::Reverse(symbol.len())))
            .ok_or_else(|| {
                fail(
                    "expected `<field> <op> <value>` with op one of = != < <= > >=, \
                     e.g. `child_age < 3`"
                        .into(),
                )
            })?;
        let name = text[..at].trim();
        let raw = text[at + symbol.len()..].trim();
        let value = raw
            .strip_prefix('"')
            .and_then(|v| v.strip_suffix('"'))
            .unwrap_or(raw);
        if name.is_empty()
            || !name
                .chars()
                .all(|c| c.is_alphanumeric() || "_-.".contains(c))
        {
            return Err(fail(format!(
                "the field {name:?} must be a name of letters, digits, _ . or -"
            )));
        }
        if value.is_empty() || ["<", ">", "=", "!"].iter().any(|s| value.starts_with(s)) {
            return Err(fail("expected a value after the operator".into()));
        }
        if name.eq_ignore_ascii_case("stage") {
            if !matches!(op, Op::Eq | Op::Ne) {
                return Err(fail("stage can only be compared with = or !=".into()));
            }
            let stage = Stage::parse(value).map_err(|error| fail(error.to_string()))?;
            return Ok(Condition {
                field: Field::Stage,
                op,
                value: stage.as_str().to_owned(),
                number: None,
            });
        }
        Ok(Condition {
            field: Field::Attribute(name.to_owned()),
            op,
            value: value.to_owned(),
            number: value.parse::<f64>().ok().filter(|n| n.is_finite()),
        })
    }

    /// What the condition looks at.
    pub fn field(&self) -> &Field {
        &self.field
    }

    /// Whether a contact in this stage passes this condition; `None` for attribute conditions.
    pub fn admits_stage(&self, stage: Stage) -> Option<bool> {
        (self.field == Field::Stage).then(|| self.compare(stage.as_str()))
    }

    /// The name of the field and the contact's value for it, if it has one.
    fn actual<'a>(&'a self, contact: &'a ContactFacts) -> (&'a str, Option<&'a str>) {
        match &self.field {
            Field::Stage => ("stage", Some(contact.stage.as_str())),
            Field::Attribute(key) => (
                key.as_str(),
                contact.attributes.get(key).map(String::as_str),
            ),
        }
    }

    /// Whether a contact meets the condition (a missing attribute never does).
    pub fn holds(&self, contact: &ContactFacts) -> bool {
        self.actual(contact)
            .1
            .is_some_and(|actual| self.compare(actual))
    }

    /// Checks a contact; on failure, says what the contact has instead (`child_age is 15`).
    pub fn check<'a>(&'a self, contact: &'a ContactFacts) -> Result<(), Miss<'a>> {
        match self.actual(contact) {
            (_, Some(actual)) if self.compare(actual) => Ok(()),
            (name, actual) => Err(Miss { name, actual }),
        }
    }

    fn compare(&self, actual: &str) -> bool {
        let actual = actual.trim();
        let number = |text: &str| match text.parse::<i64>() {
            Ok(whole) => Some(whole as f64),
            Err(_) => text.parse::<f64>().ok(),
        };
        let left = self.number.and_then(|_| number(actual));
        let order = match (left, self.number) {
            (Some(left), Some(right)) => left.partial_cmp(&right),
            _ if matches!(self.op, Op::Eq | Op::Ne) => {
                Some(if actual.eq_ignore_ascii_case(&self.value) {
                    Ordering::Equal
                } else {
                    Ordering::Less
                })
            }
            _ => Some(actual.cmp(self.value.as_str())),
        };
        order.is_some_and(|order| self.op.accepts(order))
    }
}

/// What a contact has instead of what a condition asks: `child_age is 15`, `city is not set`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Miss<'a> {
    name: &'a str,
    actual: Option<&'a str>,
}

impl Miss<'_> {
    /// Writes `child_age is 14` (or `… is not set`) piece by piece, without the formatting
    /// machinery: the engine explains a miss for every recipient outside a campaign's audience.
    pub fn write_to(&self, out: &mut impl fmt::Write) -> fmt::Result {
        out.write_str(self.name)?;
        out.write_str(" is ")?;
        out.write_str(self.actual.unwrap_or("not set"))
    }
}

impl fmt::Display for Miss<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.write_to(f)
    }
}

impl Condition {
    /// Writes `child_age < 12` (quoting a value with a space) piece by piece, as [`Miss`].
    pub fn write_to(&self, out: &mut impl fmt::Write) -> fmt::Result {
        let name = match &self.field {
            Field::Stage => "stage",
            Field::Attribute(key) => key,
        };
        let quote = if self.value.contains(' ') { "\"" } else { "" };
        for piece in [name, " ", self.op.symbol(), " ", quote, &self.value, quote] {
            out.write_str(piece)?;
        }
        Ok(())
    }
}

impl fmt::Display for Condition {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.write_to(f)
    }
}

impl TryFrom<String> for Condition {
    type Error = AudienceError;

    fn try_from(text: String) -> Result<Self, Self::Error> {
        Condition::parse(&text)
    }
}

impl From<Condition> for String {
    fn from(condition: Condition) -> String {
        condition.to_string()
    }
}

/// All the conditions a recipient must meet (they are and-ed). Serialized as a list of
/// condition strings.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Audience {
    conditions: Vec<Condition>,
}

impl Audience {
    /// Parses conditions separated by `;`, new lines or ` and `:
    /// `stage = lead and child_age < 3`.
    pub fn parse(text: &str) -> Result<Audience, AudienceError> {
        let spaced = text.replace(['\n', ';'], " and ");
        let conditions = spaced
            .split(" and ")
            .flat_map(|part| part.split(" AND "))
            .map(str::trim)
            .filter(|part| !part.is_empty())
            .map(Condition::parse)
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Audience { conditions })
    }

    /// The conditions, in the order given.
    pub fn conditions(&self) -> &[Condition] {
        &self.conditions
    }

    /// Whether the audience is explicitly aimed at contacts in this stage: it has a stage
    /// condition and the stage passes every stage condition.
    pub fn aims_at(&self, stage: Stage) -> bool {
        let mut verdicts = self.conditions.iter().filter_map(|c| c.admits_stage(stage));
        let first = verdicts.next();
        first.is_some_and(|ok| ok && verdicts.all(|ok| ok))
    }

    /// The conditions a contact fails, each with what the contact has instead.
    pub fn misses<'a>(
        &'a self,
        contact: &'a ContactFacts,
    ) -> impl Iterator<Item = (&'a Condition, Miss<'a>)> + 'a {
        self.conditions
            .iter()
            .filter_map(move |condition| condition.check(contact).err().map(|why| (condition, why)))
    }

    /// Whether a contact meets every condition.
    pub fn matches(&self, contact: &ContactFacts) -> bool {
        self.conditions.iter().all(|c| c.holds(contact))
    }
}

impl fmt::Display for Audience {
    /// The conditions separated by `; `, as [`Audience::parse`] reads them back.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (index, condition) in self.conditions.iter().enumerate() {
            if index > 0 {
                f.write_str("; ")?;
            }
            write!(f, "{condition}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
#[path = "audience_tests.rs"]
mod tests;
