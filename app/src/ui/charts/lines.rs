//! Lines over time: one or more series on shared weekly points, told apart by dash pattern and
//! marker shape as well as colour.

use super::{frame::Frame, scale::ticks};
use leptos::prelude::*;

const WIDTH: i64 = 640;
const HEIGHT: i64 = 260;
const LEFT: i64 = 64;
const RIGHT: i64 = 16;
const TOP: i64 = 28;
const BOTTOM: i64 = 52;

/// One line: its name and one value per point.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Series {
    /// The legend entry.
    pub name: String,
    /// One value per x label.
    pub values: Vec<i64>,
}

const STYLES: [(&str, &str); 2] = [
    ("stroke-indigo-600 dark:stroke-indigo-400", ""),
    ("stroke-amber-700 dark:stroke-amber-400", "6 4"),
];

/// A line chart over `x` (e.g. week starts), with `y_label` naming the values.
#[component]
pub fn LineChart(
    id: String,
    title: String,
    summary: String,
    x_label: String,
    y_label: String,
    x: Vec<String>,
    series: Vec<Series>,
) -> impl IntoView {
    let mut headings = vec![x_label.clone()];
    headings.extend(series.iter().map(|s| s.name.clone()));
    let rows: Vec<Vec<String>> = x
        .iter()
        .enumerate()
        .map(|(i, label)| {
            let mut row = vec![label.clone()];
            row.extend(
                series
                    .iter()
                    .map(|s| s.values.get(i).copied().unwrap_or(0).to_string()),
            );
            row
        })
        .collect();
    let max = series
        .iter()
        .flat_map(|s| s.values.iter().copied())
        .max()
        .unwrap_or(0);
    let axis = ticks(max);
    let top = *axis.last().unwrap_or(&1);
    let base = HEIGHT - BOTTOM;
    let plot_h = base - TOP;
    let n = x.len().max(1) as i64;
    let step = (WIDTH - LEFT - RIGHT) / n;
    let px = move |i: usize| LEFT + step / 2 + step * i as i64;
    let py = move |v: i64| base - v * plot_h / top.max(1);
    let title_id = format!("{id}-svg-title");
    let every = (x.len() / 8).max(1);
    let x_ticks = x
        .iter()
        .enumerate()
        .filter(|(i, _)| i % every == 0)
        .map(|(i, label)| view! { <text x=px(i) y=base + 16 text-anchor="middle" class="fill-slate-800 text-[13px] dark:fill-slate-200">{label.clone()}</text> })
        .collect_view();
    let grid = axis
        .iter()
        .map(|t| {
            let gy = py(*t);
            view! {
                <line x1=LEFT x2=WIDTH - RIGHT y1=gy y2=gy class="stroke-slate-200 dark:stroke-slate-700" />
                <text x=LEFT - 6 y=gy + 4 text-anchor="end" class="fill-slate-700 text-[13px] dark:fill-slate-300">{*t}</text>
            }
        })
        .collect_view();
    let lines = series
        .iter()
        .enumerate()
        .map(|(k, s)| {
            let (stroke, dash) = STYLES[k % STYLES.len()];
            let points = s.values.iter().enumerate().map(|(i, v)| format!("{},{}", px(i), py(*v))).collect::<Vec<_>>().join(" ");
            let markers = s
                .values
                .iter()
                .enumerate()
                .map(|(i, v)| {
                    let (cx, cy) = (px(i), py(*v));
                    if k % 2 == 0 {
                        view! { <circle cx=cx cy=cy r="3.5" class=format!("fill-white dark:fill-slate-900 stroke-2 {stroke}") /> }.into_any()
                    } else {
                        view! { <rect x=cx - 3 y=cy - 3 width="6" height="6" class=format!("fill-white dark:fill-slate-900 stroke-2 {stroke}") /> }.into_any()
                    }
                })
                .collect_view();
            let legend_x = LEFT + 200 * k as i64;
            view! {
                <polyline points=points fill="none" stroke-dasharray=dash class=format!("stroke-2 {stroke}") />
                {markers}
                <line x1=legend_x x2=legend_x + 24 y1="12" y2="12" stroke-dasharray=dash class=format!("stroke-2 {stroke}") />
                <text x=legend_x + 30 y="16" class="fill-slate-800 text-[15px] dark:fill-slate-200">{s.name.clone()}</text>
            }
        })
        .collect_view();
    let labelled = title_id.clone();
    let drawn_title = title.clone();
    view! {
        <Frame id=id title=drawn_title summary=summary headings rows>
            <svg viewBox=format!("0 0 {WIDTH} {HEIGHT}") role="img" aria-labelledby=labelled class="h-auto w-full max-w-3xl">
                <title id=title_id>{format!("{title} (line chart)")}</title>
                {grid}
                {x_ticks}
                {lines}
                <line x1=LEFT x2=WIDTH - RIGHT y1=base y2=base class="stroke-slate-500" />
                <text x=LEFT + (WIDTH - LEFT - RIGHT) / 2 y=HEIGHT - 8 text-anchor="middle" class="fill-slate-800 text-[15px] dark:fill-slate-200">{x_label}</text>
                <text x=14 y=TOP + plot_h / 2 text-anchor="middle" transform=format!("rotate(-90 14 {})", TOP + plot_h / 2) class="fill-slate-800 text-[15px] dark:fill-slate-200">{y_label}</text>
            </svg>
        </Frame>
    }
    .into_any()
}
