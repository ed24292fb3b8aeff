//! The house's form controls: one set of classes for labels, inputs and buttons on every page,
//! so that a form in the planner, the review queue, a contact or the settings looks and
//! behaves alike. Borders are slate-500 (slate-400 in dark), which keeps a field's outline at
//! 3:1 against its background (WCAG 1.4.11); every button is at least 24 px tall (2.5.8).

/// A field's label, above its input.
pub const LABEL: &str = "block text-sm font-medium";

/// A full-width text input, select or text area.
pub const INPUT: &str = "mt-1 block w-full rounded-md border border-slate-500 bg-white px-3 py-2 text-sm font-normal dark:border-slate-400 dark:bg-slate-950";

/// A small input beside others in a row (a day and a time).
pub const INPUT_SMALL: &str = "mt-1 rounded-md border border-slate-500 bg-white px-2 py-1 text-sm dark:border-slate-400 dark:bg-slate-950";

/// A field's error, under its input.
pub const FIELD_ERROR: &str = "mt-1 text-sm font-medium text-red-700 dark:text-red-400";

/// A form's main button.
pub const PRIMARY: &str = "rounded-md bg-indigo-700 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-800 disabled:opacity-60 dark:bg-indigo-400 dark:text-slate-950 dark:hover:bg-indigo-300";

/// The main action of a row or card, smaller.
pub const PRIMARY_SMALL: &str = "rounded-md border border-indigo-700 bg-indigo-700 px-3 py-1 text-sm font-medium text-white hover:bg-indigo-800 disabled:opacity-60 dark:border-indigo-400 dark:bg-indigo-400 dark:text-slate-950 dark:hover:bg-indigo-300";

/// Another choice beside the main one, or a link that looks like a button.
pub const SECONDARY: &str = "rounded-md border border-slate-500 px-4 py-2 text-sm font-medium hover:bg-slate-100 dark:border-slate-400 dark:hover:bg-slate-800";

/// Another choice in a row or card, smaller.
pub const SECONDARY_SMALL: &str = "rounded-md border border-slate-500 px-3 py-1 text-sm font-medium hover:bg-slate-100 dark:border-slate-400 dark:hover:bg-slate-800";

/// A button that removes, cancels or switches off.
pub const DANGER: &str =
    "rounded-md bg-red-700 px-4 py-2 text-sm font-medium text-white hover:bg-red-800";

/// A button that removes, in a row or card, smaller.
pub const DANGER_SMALL: &str =
    "rounded-md bg-red-700 px-3 py-1 text-sm font-medium text-white hover:bg-red-800";
