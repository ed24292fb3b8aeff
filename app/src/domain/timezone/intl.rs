//! Zone arithmetic in the browser: the browser's own IANA database through `Intl`, so the
//! bundle does not carry chrono-tz's compiled tables (about 1 MB of the wasm).

use chrono::{DateTime, NaiveDate, NaiveDateTime, TimeDelta, Utc};
use js_sys::{Array, Date, Intl::DateTimeFormat, Object, Reflect};
use std::cell::RefCell;
use std::collections::HashMap;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// `Intl.DateTimeFormat(locale, options)`; throws a `RangeError` for a zone it does not know.
    #[wasm_bindgen(catch, js_namespace = Intl, js_name = DateTimeFormat)]
    fn date_time_format(locale: &str, options: &Object) -> Result<DateTimeFormat, JsValue>;
}

thread_local! {
    /// One formatter per zone in use, keyed by its (leaked, so `Copy`) name: a page shows a
    /// handful of zones, and the IANA database has a few hundred names at most.
    static FORMATS: RefCell<HashMap<&'static str, DateTimeFormat>> = RefCell::default();
}

/// An IANA zone the browser knows, by name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Zone(&'static str);

impl Zone {
    /// Coordinated Universal Time.
    pub const UTC: Zone = Zone("UTC");

    /// The zone named `name`, if the browser's database has it.
    pub fn parse(name: &str) -> Option<Zone> {
        FORMATS.with_borrow_mut(|formats| {
            if let Some((&known, _)) = formats.get_key_value(name) {
                return Some(Zone(known));
            }
            let format = formatter(name)?;
            let known: &'static str = Box::leak(name.to_owned().into_boxed_str());
            formats.insert(known, format);
            Some(Zone(known))
        })
    }

    /// The IANA name.
    pub fn name(self) -> &'static str {
        self.0
    }

    /// The zone's offset from UTC at `at`, in seconds (east positive).
    pub fn offset_seconds(self, at: DateTime<Utc>) -> i32 {
        let whole = at.timestamp();
        let Some(utc) = DateTime::from_timestamp(whole, 0) else {
            return 0;
        };
        let wall = FORMATS.with_borrow_mut(|formats| {
            if !formats.contains_key(self.0) {
                formats.insert(self.0, formatter(self.0)?);
            }
            wall_clock(formats.get(self.0)?, whole)
        });
        wall.map_or(0, |wall| {
            i32::try_from((wall - utc.naive_utc()).num_seconds()).unwrap_or(0)
        })
    }

    /// The earliest instant at which the wall clock shows `local`, or `None` when a DST gap
    /// skips it. The true instant lies within a day of `local` read as UTC, so the offsets in
    /// force a day before, at and a day after it are the only candidates.
    pub fn earliest(self, local: NaiveDateTime) -> Option<DateTime<Utc>> {
        let guess = local.and_utc();
        [
            guess - TimeDelta::days(1),
            guess,
            guess + TimeDelta::days(1),
        ]
        .into_iter()
        .map(|probe| guess - TimeDelta::seconds(self.offset_seconds(probe).into()))
        .filter(|&at| at + TimeDelta::seconds(self.offset_seconds(at).into()) == guess)
        .min()
    }
}

/// A formatter that writes every field of an instant as numbers on `zone`'s wall clock.
fn formatter(zone: &str) -> Option<DateTimeFormat> {
    let options = Object::new();
    let set = |key: &str, value: &str| Reflect::set(&options, &key.into(), &value.into()).is_ok();
    let ok = set("timeZone", zone)
        && set("hourCycle", "h23")
        && ["year", "month", "day", "hour", "minute", "second"]
            .into_iter()
            .all(|field| set(field, "numeric"));
    ok.then(|| date_time_format("en-US", &options).ok())
        .flatten()
}

/// The wall-clock date and time `format` shows for the Unix second `whole`.
fn wall_clock(format: &DateTimeFormat, whole: i64) -> Option<NaiveDateTime> {
    let date = Date::new(&JsValue::from_f64(whole as f64 * 1000.0));
    let parts: Array = format.format_to_parts(&date);
    let mut fields = [0u32; 6];
    for part in parts.iter() {
        let kind = Reflect::get(&part, &"type".into()).ok()?.as_string()?;
        let slot = match kind.as_str() {
            "year" => 0,
            "month" => 1,
            "day" => 2,
            "hour" => 3,
            "minute" => 4,
            "second" => 5,
            _ => continue,
        };
        let value = Reflect::get(&part, &"value".into()).ok()?.as_string()?;
        fields[slot] = value.parse().ok()?;
    }
    let [year, month, day, hour, minute, second] = fields;
    NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month, day)?
        .and_hms_opt(hour, minute, second)
}
