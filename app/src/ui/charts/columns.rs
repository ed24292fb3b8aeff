//! Vertical columns for a distribution (a histogram over ordered buckets).

use super::{frame::Frame, scale::ticks, Datum};
use leptos::prelude::*;

const WIDTH: i64 = 520;
const HEIGHT: i64 = 280;
const LEFT: i64 = 64;
const RIGHT: i64 = 12;
const TOP: i64 = 16;
const BOTTOM: i64 = 52;

/// A column chart of `data` in order; `x_label` names the buckets, `y_label` the values.
#[component]
pub fn ColumnChart(
    id: String,
    title: String,
    summary: String,
    x_label: String,
    y_label: String,
    data: Vec<Datum>,
) -> impl IntoView {
    let rows: Vec<Vec<String>> = data
        .iter()
        .map(|d| vec![d.label.clone(), d.value.to_string()])
        .collect();
    let headings = vec![x_label.clone(), y_label.clone()];
    let axis = ticks(data.iter().map(|d| d.value).max().unwrap_or(0));
    let top = *axis.last().unwrap_or(&1);
    let base = HEIGHT - BOTTOM;
    let plot_h = base - TOP;
    let y = move |v: i64| base - v * plot_h / top.max(1);
    let slot = (WIDTH - LEFT - RIGHT) / data.len().max(1) as i64;
    let title_id = format!("{id}-svg-title");
    let columns = data
        .into_iter()
        .enumerate()
        .map(|(i, d)| {
            let x = LEFT + slot * i as i64;
            let top_y = y(d.value);
            view! {
                <g>
                    <rect x=x + slot / 8 y=top_y width=slot * 3 / 4 height=base - top_y class="fill-indigo-600 dark:fill-indigo-400" />
                    <text x=x + slot / 2 y=top_y - 4 text-anchor="middle" class="fill-slate-800 text-[13px] dark:fill-slate-200">{d.value}</text>
                    <text x=x + slot / 2 y=base + 18 text-anchor="middle" class="fill-slate-800 text-[14px] dark:fill-slate-200">{d.label}</text>
                </g>
            }
        })
        .collect_view();
    let grid = axis
        .iter()
        .map(|t| {
            let gy = y(*t);
            view! {
                <line x1=LEFT x2=WIDTH - RIGHT y1=gy y2=gy class="stroke-slate-200 dark:stroke-slate-700" />
                <text x=LEFT - 6 y=gy + 4 text-anchor="end" class="fill-slate-700 text-[13px] dark:fill-slate-300">{*t}</text>
            }
        })
        .collect_view();
    let labelled = title_id.clone();
    let drawn_title = title.clone();
    view! {
        <Frame id=id title=drawn_title summary=summary headings rows>
            <svg viewBox=format!("0 0 {WIDTH} {HEIGHT}") role="img" aria-labelledby=labelled class="h-auto w-full">
                <title id=title_id>{format!("{title} (column chart)")}</title>
                {grid}
                {columns}
                <line x1=LEFT x2=WIDTH - RIGHT y1=base y2=base class="stroke-slate-500" />
                <text x=LEFT + (WIDTH - LEFT - RIGHT) / 2 y=HEIGHT - 8 text-anchor="middle" class="fill-slate-800 text-[15px] dark:fill-slate-200">{x_label}</text>
                <text x=14 y=TOP + plot_h / 2 text-anchor="middle" transform=format!("rotate(-90 14 {})", TOP + plot_h / 2) class="fill-slate-800 text-[15px] dark:fill-slate-200">{y_label}</text>
            </svg>
        </Frame>
    }
    .into_any()
}
