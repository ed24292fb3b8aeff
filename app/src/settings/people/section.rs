//! The teams and users section: who works in Concord, in which team, with which role.

use super::{ChangeUser, CreateTeam, CreateUser, ResetPassword, SetUserDisabled};
use crate::domain::{ids::UserId, role::Role};
use crate::settings::error_text;
use crate::settings::overview::{TeamView, UserView};
use crate::ui::table::{Heading, Table, CELL, ROW};
use crate::ui::{Button, Field, Input, Look, Select};
use leptos::prelude::*;

/// The section, with its three forms.
#[component]
pub fn PeopleSection(
    teams: Vec<TeamView>,
    users: Vec<UserView>,
    me: UserId,
    create_team: ServerAction<CreateTeam>,
    create_user: ServerAction<CreateUser>,
    change_user: ServerAction<ChangeUser>,
) -> impl IntoView {
    let set_disabled = crate::ui::flash::action::<SetUserDisabled>();
    let reset = crate::ui::flash::action::<ResetPassword>();
    let team_options = |selected: i64| {
        teams
            .iter()
            .map(|t| view! { <option value=t.id.0 selected=t.id.0 == selected>{t.name.clone()}</option> })
            .collect_view()
    };
    let role_options = |selected: &str| {
        Role::ALL
            .into_iter()
            .map(|r| view! { <option value=r.as_str() selected=r.as_str() == selected>{r.as_str()}</option> })
            .collect_view()
    };
    let team_list = teams
        .iter()
        .map(|t| view! { <li>{t.name.clone()} <span class="text-slate-600 dark:text-slate-400">{format!(" · {} users", t.members)}</span></li> })
        .collect_view();
    let user_rows = users
        .into_iter()
        .map(|u| {
            let uid = u.id.0;
            let rid = format!("role-{}", u.id.0);
            let tid = format!("team-{}", u.id.0);
            let mine = u.id == me;
            let roles = role_options(&u.role);
            let team_choice = team_options(u.team_id.0);
            let keep_role = mine.then(|| view! { <input type="hidden" name="role" value=u.role.clone() /> });
            let role_label = format!("Role of {}", u.name);
            let team_label = format!("Team of {}", u.name);
            let who = format!(" {}", u.name);
            let account = account_controls(&u, mine, set_disabled, reset);
            let badge = u.disabled.then(|| view! {
                <span class="ml-1 rounded bg-slate-200 px-1.5 text-xs font-medium dark:bg-slate-700" data-testid="disabled-badge">"Disabled"</span>
            });
            view! {
                <tr class=ROW>
                    <td class=CELL><span class="font-medium">{u.name.clone()}</span>{badge}<br /><span class="text-slate-600 dark:text-slate-400">{u.email.clone()}</span>{account}</td>
                    <td class=CELL>
                        <ActionForm action=change_user attr:class="flex flex-wrap items-center gap-2">
                            <input type="hidden" name="user_id" value=uid />
                            <label for=rid.clone() class="sr-only">{role_label}</label>
                            <select id=rid name="role" class=SELECT disabled=mine>{roles}</select>
                            {keep_role}
                            <label for=tid.clone() class="sr-only">{team_label}</label>
                            <select id=tid name="team_id" class=SELECT>{team_choice}</select>
                            <Button look=Look::Secondary small=true>"Change" <span class="sr-only">{who}</span></Button>
                        </ActionForm>
                    </td>
                </tr>
            }
        })
        .collect_view();
    let new_user_roles = role_options("rep");
    let new_user_teams = team_options(0);
    let error = move || {
        [
            create_team.value().get(),
            create_user.value().get(),
            change_user.value().get(),
            set_disabled.value().get().map(|r| r.map(|_| ())),
            reset.value().get(),
        ]
        .into_iter()
        .flatten()
        .find_map(|r| r.err())
        .map(|e| error_text(&e))
    };
    let done = move || match (
        create_team.value().get(),
        create_user.value().get(),
        change_user.value().get(),
        set_disabled.value().get(),
        reset.value().get(),
    ) {
        (Some(Ok(())), ..) => Some("Team created."),
        (_, Some(Ok(())), ..) => Some("User added."),
        (_, _, Some(Ok(())), ..) => Some("User changed."),
        (.., Some(Ok(true)), _) => {
            Some("User disabled: their sessions ended, their tokens and feeds stopped.")
        }
        (.., Some(Ok(false)), _) => Some("User enabled: they can sign in again."),
        (.., Some(Ok(()))) => Some("Password set: the user's sessions ended."),
        _ => None,
    };
    view! {
        <section id="people" aria-labelledby="people-heading" class="space-y-4">
            <h2 id="people-heading" class="text-xl font-semibold">"Teams and users"</h2>
            <p role="status" class="text-sm font-medium text-emerald-800 dark:text-emerald-300" data-testid="people-outcome">{done}</p>
            <p role="alert" class="text-sm font-medium text-red-700 dark:text-red-400">{error}</p>
            <div class="grid gap-6 md:grid-cols-3">
                <div>
                    <h3 class="font-semibold">"Teams"</h3>
                    <ul class="mt-2 space-y-1 text-sm">{team_list}</ul>
                    <ActionForm action=create_team attr:class="mt-3 flex items-end gap-2">
                        <Field id="team-name" label="New team" class="grow">
                            <Input {..} id="team-name" name="name" required=true maxlength="100" />
                        </Field>
                        <Button>"Create team"</Button>
                    </ActionForm>
                </div>
                <div class="md:col-span-2">
                    <h3 class="font-semibold">"Users"</h3>
                    <Table caption="Users, their roles and teams" class="mt-2"
                        headings=&[Heading::Shown("User"), Heading::Shown("Role and team")]>
                        {user_rows}
                    </Table>
                </div>
            </div>
            <ActionForm action=create_user attr:class="grid gap-3 rounded-md border border-slate-200 p-4 sm:grid-cols-2 lg:grid-cols-3 dark:border-slate-800">
                <h3 class="font-semibold sm:col-span-2 lg:col-span-3">"Add a user"</h3>
                <Field id="user-name" label="Name"><Input {..} id="user-name" name="name" required=true /></Field>
                <Field id="user-email" label="Email"><Input kind="email" {..} id="user-email" name="email" autocomplete="off" required=true /></Field>
                <Field id="user-password" label="Password (at least 10 characters)"><Input kind="password" {..} id="user-password" name="password" autocomplete="new-password" required=true minlength="10" /></Field>
                <Field id="user-role" label="Role"><Select {..} id="user-role" name="role">{new_user_roles}</Select></Field>
                <Field id="user-team" label="Team"><Select {..} id="user-team" name="team_id">{new_user_teams}</Select></Field>
                <div class="self-end"><Button>"Add user"</Button></div>
            </ActionForm>
        </section>
    }
    .into_any()
}

/// Disable or enable (asking first, in a disclosure), and reset the password, of one user.
fn account_controls(
    user: &UserView,
    mine: bool,
    set_disabled: ServerAction<SetUserDisabled>,
    reset: ServerAction<ResetPassword>,
) -> impl IntoView {
    let uid = user.id.0;
    let pid = format!("password-{uid}");
    let label = format!("New password for {}", user.name);
    let name = user.name.clone();
    let confirm = format!(
        "Disable {name}? Their sessions end at once, their API tokens and calendar feeds stop; their history stays. You can enable them again."
    );
    let toggle = if user.disabled {
        view! {
            <ActionForm action=set_disabled attr:class="inline">
                <input type="hidden" name="user_id" value=uid />
                <input type="hidden" name="disabled" value="no" />
                <Button look=Look::Secondary small=true>"Enable" <span class="sr-only">{format!(" {name}")}</span></Button>
            </ActionForm>
        }
        .into_any()
    } else if mine {
        ().into_any()
    } else {
        view! {
            <details class="inline-block">
                <summary class="cursor-pointer text-red-700 underline dark:text-red-300">"Disable…"</summary>
                <ActionForm action=set_disabled attr:class="mt-2 space-y-2 rounded-md border border-red-400 bg-red-50 p-3 dark:border-red-700 dark:bg-red-950">
                    <p>{confirm}</p>
                    <input type="hidden" name="user_id" value=uid />
                    <input type="hidden" name="disabled" value="yes" />
                    <Button look=Look::Danger>"Yes, disable"</Button>
                </ActionForm>
            </details>
        }
        .into_any()
    };
    view! {
        <div class="mt-1 flex flex-wrap items-start gap-3 text-xs">
            {toggle}
            <details class="inline-block">
                <summary class="cursor-pointer underline">"Reset password…"</summary>
                <ActionForm action=reset attr:class="mt-2 flex flex-wrap items-end gap-2">
                    <input type="hidden" name="user_id" value=uid />
                    <div>
                        <label for=pid.clone() class="block font-medium">{label}</label>
                        <input id=pid name="password" type="password" autocomplete="new-password" required minlength="10" class=SELECT />
                    </div>
                    <Button look=Look::Secondary small=true>"Set password"</Button>
                </ActionForm>
            </details>
        </div>
    }
}

const SELECT: &str =
    "rounded-md border border-slate-500 bg-white px-2 py-1 dark:border-slate-400 dark:bg-slate-950";
