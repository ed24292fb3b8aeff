//! The HTML shell and the router: which page answers which path.

use crate::{
    auth::{current_user, sign_in_page::SignInPage, CurrentUser},
    calendar::{CalendarPage, TouchPage},
    campaigns::{CampaignPage, CampaignsPage},
    contacts::{
        edit_page::EditContactPage, import_page::ImportPage, list_page::ContactsPage,
        new_page::NewContactPage,
    },
    dashboard::DashboardPage,
    error::AppError,
    home::HomePage,
    layout::header::Header,
    leads::LeadsPage,
    planner::PlannerPage,
    review::{AuditPage, ReviewPage},
    settings::{
        blackouts::BlackoutsPage, packs::PacksPage, page::SettingsPage, profile::ProfilePage,
        senders::SendersPage, suppression::SuppressionPage,
    },
    timeline::ContactTimelinePage,
};
use leptos::prelude::*;
use leptos_meta::{provide_meta_context, HashedStylesheet, MetaTags, Title};
use leptos_router::{
    components::{Route, Router, Routes},
    path, SsrMode,
};

/// The whole HTML document, rendered on the server around [`App`].
pub fn shell(options: LeptosOptions) -> impl IntoView {
    #[cfg(feature = "ssr")]
    crate::layout::csp::send();
    view! {
        <!DOCTYPE html>
        <html lang="en">
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <meta name="color-scheme" content="light dark" />
                <link rel="icon" href="data:," />
                <AutoReload options=options.clone() />
                <HashedStylesheet options=options.clone() id="leptos" />
                <HydrationScripts options islands=true />
                <MetaTags />
            </head>
            <body class="min-h-screen bg-slate-50 text-slate-900 dark:bg-slate-950 dark:text-slate-100">
                <App />
            </body>
        </html>
    }
}

/// The signed-in user as the page knows it: loaded once per page, shared through context.
pub type UserResource = Resource<Result<Option<CurrentUser>, AppError>>;

/// Concord's root component: metadata, the header and the routes. It runs on the server only
/// (islands mode). Every route renders in `Async` mode: the server waits for the page's data
/// and sends complete HTML, so each page reads well without JavaScript.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    let user: UserResource = Resource::new(|| (), |_| current_user());
    provide_context(user);

    view! {
        <Title formatter=|text| format!("{text} · Concord") />
        <Router>
            <Header />
            <main class="mx-auto w-full max-w-6xl px-4 py-6">
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=HomePage ssr=SsrMode::Async />
                    <Route path=path!("/sign-in") view=SignInPage ssr=SsrMode::Async />
                    <Route path=path!("/contacts") view=ContactsPage ssr=SsrMode::Async />
                    <Route path=path!("/contacts/new") view=NewContactPage ssr=SsrMode::Async />
                    <Route path=path!("/contacts/import") view=ImportPage ssr=SsrMode::Async />
                    <Route path=path!("/contacts/:id/edit") view=EditContactPage ssr=SsrMode::Async />
                    <Route path=path!("/contacts/:id") view=ContactTimelinePage ssr=SsrMode::Async />
                    <Route path=path!("/plan") view=PlannerPage ssr=SsrMode::Async />
                    <Route path=path!("/campaigns") view=CampaignsPage ssr=SsrMode::Async />
                    <Route path=path!("/campaigns/:id") view=CampaignPage ssr=SsrMode::Async />
                    <Route path=path!("/calendar") view=CalendarPage ssr=SsrMode::Async />
                    <Route path=path!("/calendar/touches/:id") view=TouchPage ssr=SsrMode::Async />
                    <Route path=path!("/leads") view=LeadsPage ssr=SsrMode::Async />
                    <Route path=path!("/review") view=ReviewPage ssr=SsrMode::Async />
                    <Route path=path!("/review/audit") view=AuditPage ssr=SsrMode::Async />
                    <Route path=path!("/dashboard") view=DashboardPage ssr=SsrMode::Async />
                    <Route path=path!("/settings") view=SettingsPage ssr=SsrMode::Async />
                    <Route path=path!("/settings/profile") view=ProfilePage ssr=SsrMode::Async />
                    <Route path=path!("/settings/senders") view=SendersPage ssr=SsrMode::Async />
                    <Route path=path!("/settings/packs") view=PacksPage ssr=SsrMode::Async />
                    <Route path=path!("/settings/blackouts") view=BlackoutsPage ssr=SsrMode::Async />
                    <Route path=path!("/settings/suppression") view=SuppressionPage ssr=SsrMode::Async />
                </Routes>
            </main>
        </Router>
    }
}

/// The page for a path Concord does not know.
#[component]
fn NotFound() -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(axum::http::StatusCode::NOT_FOUND);
    }
    view! {
        <Title text="Not found" />
        <h1 class="text-2xl font-semibold">"Page not found"</h1>
        <p class="mt-2">
            "There is nothing at this address. " <a class="underline" href="/">"Go to the start page"</a>
        </p>
    }
}
