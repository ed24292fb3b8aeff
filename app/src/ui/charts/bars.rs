//! Horizontal bars: one per label (rules, teams), longest labels on the left.

use super::{frame::Frame, scale::ticks, Datum};
use leptos::prelude::*;

const WIDTH: i64 = 520;
const LEFT: i64 = 176;
const RIGHT: i64 = 40;
const ROW: i64 = 30;
const TOP: i64 = 8;
const AXIS: i64 = 42;

/// A horizontal bar chart of `data`, with `unit` naming what the values count.
#[component]
pub fn BarChart(
    id: String,
    title: String,
    summary: String,
    unit: String,
    data: Vec<Datum>,
) -> impl IntoView {
    let rows: Vec<Vec<String>> = data
        .iter()
        .map(|d| vec![d.label.clone(), d.value.to_string()])
        .collect();
    let headings = vec![String::new(), unit.clone()];
    let max = data.iter().map(|d| d.value).max().unwrap_or(0);
    let axis = ticks(max);
    let top = *axis.last().unwrap_or(&1);
    let plot = WIDTH - LEFT - RIGHT;
    let x = move |v: i64| LEFT + v * plot / top.max(1);
    let height = TOP + ROW * data.len().max(1) as i64 + AXIS;
    let base = TOP + ROW * data.len().max(1) as i64;
    let title_id = format!("{id}-svg-title");
    let empty = data.is_empty();
    let bars = data
        .into_iter()
        .enumerate()
        .map(|(i, d)| {
            let y = TOP + ROW * i as i64;
            view! {
                <g>
                    <text x=LEFT - 8 y=y + 20 text-anchor="end" class="fill-slate-800 text-[15px] dark:fill-slate-200">{d.label}</text>
                    <rect x=LEFT y=y + 4 width=x(d.value) - LEFT height=ROW - 8 rx="2" class="fill-indigo-600 dark:fill-indigo-400" />
                    <text x=x(d.value) + 4 y=y + 20 class="fill-slate-800 text-[15px] dark:fill-slate-200">{d.value}</text>
                </g>
            }
        })
        .collect_view();
    let grid = axis
        .iter()
        .map(|t| {
            let gx = x(*t);
            view! {
                <line x1=gx x2=gx y1=TOP y2=base class="stroke-slate-200 dark:stroke-slate-700" />
                <text x=gx y=base + 16 text-anchor="middle" class="fill-slate-700 text-[13px] dark:fill-slate-300">{*t}</text>
            }
        })
        .collect_view();
    let labelled = title_id.clone();
    let drawn_title = title.clone();
    view! {
        <Frame id=id title=drawn_title summary=summary headings rows>
            <svg viewBox=format!("0 0 {WIDTH} {height}") role="img" aria-labelledby=labelled class="h-auto w-full">
                <title id=title_id>{format!("{title} (bar chart)")}</title>
                {grid}
                {bars}
                {empty.then(|| view! { <text x=LEFT + 8 y=TOP + 20 class="fill-slate-700 text-[15px] dark:fill-slate-300">"Nothing in this range"</text> })}
                <line x1=LEFT x2=LEFT y1=TOP y2=base class="stroke-slate-500" />
                <text x=LEFT + plot / 2 y=height - 6 text-anchor="middle" class="fill-slate-800 text-[15px] dark:fill-slate-200">{unit}</text>
            </svg>
        </Frame>
    }
    .into_any()
}
