//! Channel and status badges: an icon and a word as well as a colour, never colour alone.

use crate::domain::{Channel, TouchStatus};
use leptos::prelude::*;

/// The glyph shown before a channel's name.
pub fn channel_icon(channel: Channel) -> &'static str {
    match channel {
        Channel::Email => "✉",
        Channel::Sms => "💬",
        Channel::Phone => "☎",
        Channel::Mail => "📮",
    }
}

/// The Tailwind classes that colour a channel (contrast checked in light and dark).
pub fn channel_classes(channel: Channel) -> &'static str {
    match channel {
        Channel::Email => "bg-sky-100 text-sky-900 border-sky-300 dark:bg-sky-950 dark:text-sky-100 dark:border-sky-800",
        Channel::Sms => "bg-emerald-100 text-emerald-900 border-emerald-300 dark:bg-emerald-950 dark:text-emerald-100 dark:border-emerald-800",
        Channel::Phone => "bg-amber-100 text-amber-900 border-amber-300 dark:bg-amber-950 dark:text-amber-100 dark:border-amber-800",
        Channel::Mail => "bg-fuchsia-100 text-fuchsia-900 border-fuchsia-300 dark:bg-fuchsia-950 dark:text-fuchsia-100 dark:border-fuchsia-800",
    }
}

/// A channel as a small labelled pill.
#[component]
pub fn ChannelBadge(channel: Channel) -> impl IntoView {
    view! {
        <span class=format!(
            "inline-flex items-center gap-1 rounded border px-1.5 text-xs font-medium {}",
            channel_classes(channel),
        )>
            <span aria-hidden="true">{channel_icon(channel)}</span>
            {channel.noun()}
        </span>
    }
}

/// A touch status in words, coloured by how much attention it needs.
#[component]
pub fn StatusBadge(status: TouchStatus) -> impl IntoView {
    let classes = match status {
        TouchStatus::PendingReview => "bg-red-100 text-red-900 dark:bg-red-950 dark:text-red-100",
        TouchStatus::Cancelled | TouchStatus::Failed => {
            "bg-slate-200 text-slate-800 line-through dark:bg-slate-800 dark:text-slate-200"
        }
        TouchStatus::Sent => "bg-slate-100 text-slate-800 dark:bg-slate-800 dark:text-slate-100",
        _ => "bg-indigo-100 text-indigo-900 dark:bg-indigo-950 dark:text-indigo-100",
    };
    view! {
        <span class=format!("rounded px-1.5 text-xs font-medium {classes}")>
            {status.as_str().replace('_', " ")}
        </span>
    }
}
