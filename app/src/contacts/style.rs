//! The classes the contacts screens share, so their forms and tables look alike.

/// A text input or select.
pub const INPUT: &str = "mt-1 block w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-sm dark:border-slate-600 dark:bg-slate-950";

/// A field's label.
pub const LABEL: &str = "block text-sm font-medium";

/// The main button of a form.
pub const BUTTON: &str = "rounded-md bg-indigo-700 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-800 disabled:opacity-60";

/// A secondary action shown as a button-like link.
pub const LINK_BUTTON: &str = "rounded-md border border-slate-400 px-3 py-2 text-sm font-medium hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800";

/// A field's error message.
pub const FIELD_ERROR: &str = "mt-1 text-sm font-medium text-red-700 dark:text-red-400";
