//! Channel and status badges: an icon and a word as well as a colour, never colour alone.

use crate::domain::{Channel, TouchStatus};
use leptos::prelude::*;

/// A one-character glyph for a channel, for plain text (titles, exports); pages show
/// [`ChannelIcon`] instead, which does not depend on the reader's fonts.
pub fn channel_icon(channel: Channel) -> &'static str {
    match channel {
        Channel::Email => "✉",
        Channel::Sms => "✆",
        Channel::Phone => "☎",
        Channel::Mail => "⌂",
    }
}

/// A channel's icon as inline SVG (decorative: the channel's name always sits beside it or in
/// its accessible label).
#[component]
pub fn ChannelIcon(channel: Channel) -> impl IntoView {
    let path = match channel {
        // An envelope.
        Channel::Email => "M3 6h18v12H3z M3 6l9 7 9-7",
        // A speech bubble.
        Channel::Sms => "M4 5h16v11H9l-5 4z",
        // A handset.
        Channel::Phone => "M6 3h4l1 5-2.5 1.5a11 11 0 0 0 6 6L16 13l5 1v4a2 2 0 0 1-2 2A16 16 0 0 1 4 5a2 2 0 0 1 2-2z",
        // A letter box.
        Channel::Mail => "M4 10a4 4 0 0 1 8 0v9H4z M12 6h6a3 3 0 0 1 3 3v10h-9 M15 3v5",
    };
    view! {
        <svg viewBox="0 0 24 24" class="inline-block h-3.5 w-3.5 shrink-0" fill="none" stroke="currentColor"
            stroke-width="2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true" focusable="false">
            <path d=path />
        </svg>
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
            <ChannelIcon channel />
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
