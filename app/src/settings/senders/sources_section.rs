//! The connected sources, each with the URL to paste into its provider and the steps there, a
//! form to replace its secret and a switch-off link that asks to confirm first
//! (`?disable=ID`, works without JavaScript); then the form to connect another.

use super::overview::{KindView, SnsView, SourceView};
use super::{AddSnsCertificate, ConnectSource, DisableSource, RotateSource};
use crate::domain::TimeZone;
use crate::ui::local_datetime;
use crate::ui::style::LABEL;
use crate::ui::{Button, Field, Input, Look, Select, TextArea};
use leptos::prelude::*;

/// The section; `confirm` is the id of the source the admin asked to switch off.
#[component]
pub fn SourcesSection(
    sources: Vec<SourceView>,
    kinds: Vec<KindView>,
    zone: TimeZone,
    confirm: Option<i64>,
    connect: ServerAction<ConnectSource>,
    rotate: ServerAction<RotateSource>,
    disable: ServerAction<DisableSource>,
    add_cert: ServerAction<AddSnsCertificate>,
) -> impl IntoView {
    let confirming = confirm.and_then(|id| {
        sources
            .iter()
            .find(|s| s.id == id && s.disabled_at.is_none())
            .cloned()
    });
    let list = if sources.is_empty() {
        view! {
            <p class="rounded-md border border-dashed border-slate-300 p-4 text-sm text-slate-700 dark:border-slate-700 dark:text-slate-300" data-testid="no-sources">
                "No provider is connected yet. Until one is, bounces, unsubscribes and replies reach Concord only if your senders report them through the API."
            </p>
        }
        .into_any()
    } else {
        view! {
            <ul class="space-y-4">
                {sources.into_iter().map(|s| source_card(s, zone, rotate, add_cert)).collect_view()}
            </ul>
        }
        .into_any()
    };
    view! {
        <section id="sources" aria-labelledby="sources-heading" class="space-y-4">
            <h2 id="sources-heading" class="text-xl font-semibold">"Connected providers"</h2>
            {confirming.map(|s| confirm_box(s, disable))}
            {list}
            {connect_form(kinds, connect)}
        </section>
    }
}

fn source_card(
    s: SourceView,
    zone: TimeZone,
    rotate: ServerAction<RotateSource>,
    add_cert: ServerAction<AddSnsCertificate>,
) -> impl IntoView {
    let id = s.id;
    let sns = s.sns.clone().filter(|_| s.disabled_at.is_none());
    let live = s.disabled_at.is_none();
    let state = match s.disabled_at {
        Some(at) => format!("Switched off {}", local_datetime(at, zone)),
        None => format!("Connected {}", local_datetime(s.created_at, zone)),
    };
    let kept = s.kept.clone();
    let url_id = format!("source-url-{}", s.id);
    let secret_id = format!("source-secret-{}", s.id);
    view! {
        <li class="rounded-md border border-slate-200 p-4 dark:border-slate-800" data-testid="source-card">
            <div class="flex flex-wrap items-baseline justify-between gap-2">
                <h3 class="font-semibold">{format!("{} \u{2014} {}", s.label, s.provider)}</h3>
                <span class=if live { "text-sm text-emerald-800 dark:text-emerald-300" } else { "text-sm text-slate-600 dark:text-slate-400" }>{state}</span>
            </div>
            {live.then(|| view! {
                <label for=url_id.clone() class="mt-3 block text-sm font-medium">"URL to give the provider"</label>
                <Input class="font-mono text-sm" {..} id=url_id.clone() readonly=true value=s.url.clone() />
                <p class="mt-2 text-sm text-slate-700 dark:text-slate-300">{s.instructions.clone()}</p>
                {sns.map(|sns| sns_box(id, sns, zone, add_cert))}
                <p class="mt-1 text-xs text-slate-600 dark:text-slate-400">
                    {kept}
                    {s.previous_until.map(|at| format!(" The previous secret keeps verifying until {}.", local_datetime(at, zone)))}
                </p>
                <details class="mt-3">
                    <summary class="cursor-pointer text-sm font-medium underline">"Replace the secret"</summary>
                    <ActionForm action=rotate attr:class="mt-2 flex flex-wrap items-end gap-3">
                        <input type="hidden" name="id" value=s.id />
                        <Field id=secret_id.clone() label=format!("New {}", s.secret_label.to_lowercase()) class="grow">
                            <Input kind="password" {..} id=secret_id.clone() name="secret" autocomplete="off" required=true />
                        </Field>
                        <Button look=Look::Secondary small=true>"Replace"</Button>
                    </ActionForm>
                </details>
                <p class="mt-3">
                    <a class="text-sm text-red-700 underline dark:text-red-300" href=format!("/settings/senders?disable={}#sources", s.id)>
                        "Switch off" <span class="sr-only">{format!(" {}", s.label)}</span>
                    </a>
                </p>
            })}
        </li>
    }
}

fn confirm_box(source: SourceView, disable: ServerAction<DisableSource>) -> impl IntoView {
    view! {
        <div role="group" aria-labelledby="confirm-source-heading" class="rounded-md border border-red-400 bg-red-50 p-4 dark:border-red-700 dark:bg-red-950">
            <h3 id="confirm-source-heading" class="font-semibold">{format!("Switch off \u{201c}{}\u{201d}?", source.label)}</h3>
            <p class="mt-1 text-sm">{format!("{} gets 404 from its URL from now on: its bounces, unsubscribes and replies no longer reach Concord. This cannot be undone; you can connect it again.", source.provider)}</p>
            <ActionForm action=disable attr:class="mt-3 flex gap-3">
                <input type="hidden" name="id" value=source.id />
                <Button look=Look::Danger>"Yes, switch it off"</Button>
                <a href="/settings/senders#sources" class="self-center underline">"Cancel"</a>
            </ActionForm>
        </div>
    }
}

fn connect_form(kinds: Vec<KindView>, connect: ServerAction<ConnectSource>) -> impl IntoView {
    let help = kinds
        .iter()
        .map(|k| view! { <li><span class="font-medium">{k.provider.clone()}</span>": "{k.secret_label.clone()}</li> })
        .collect_view();
    view! {
        <div class="rounded-md border border-slate-200 p-4 dark:border-slate-800">
            <h3 class="font-semibold">"Connect a provider"</h3>
            <ActionForm action=connect attr:class="mt-3 grid gap-3 sm:grid-cols-3 sm:items-end">
                <Field id="source-kind" label="Provider">
                    <Select {..} id="source-kind" name="kind">
                        {kinds.into_iter().map(|k| view! { <option value=k.id>{k.provider}</option> }).collect_view()}
                    </Select>
                </Field>
                <Field id="source-label" label="Label">
                    <Input {..} id="source-label" name="label" required=true maxlength="100" placeholder="Marketing SendGrid" />
                </Field>
                <Field id="source-secret" label="Verification secret">
                    <Input kind="password" {..} id="source-secret" name="secret" autocomplete="off" required=true aria-describedby="source-secret-help" />
                </Field>
                <div id="source-secret-help" class="text-sm text-slate-700 sm:col-span-2 dark:text-slate-300">
                    <p>"What each provider calls it (it is never shown again):"</p>
                    <ul class="mt-1 list-disc pl-5">{help}</ul>
                </div>
                <Button>"Connect"</Button>
            </ActionForm>
        </div>
    }
}

/// Where an SES source's SNS subscription stands, and what the admin does next.
fn sns_box(
    id: i64,
    sns: SnsView,
    zone: TimeZone,
    add_cert: ServerAction<AddSnsCertificate>,
) -> impl IntoView {
    let status = match (&sns.confirmed_at, &sns.subscribe_url) {
        (Some(at), _) => view! {
            <p class="text-emerald-800 dark:text-emerald-300">{format!("Subscription confirmed: notifications arrive since {}.", local_datetime(*at, zone))}</p>
        }.into_any(),
        (None, Some(link)) => view! {
            <p class="font-medium">"SNS asks to confirm the subscription."</p>
            <p>"Open this link once, in your browser, to confirm it (Concord opens no link a message names):"</p>
            <a class="break-all underline" href=link.clone() target="_blank" rel="noreferrer noopener" data-testid="sns-subscribe-url">{link.clone()}</a>
        }.into_any(),
        (None, None) => view! {
            <p>"Waiting for SNS's subscription confirmation: subscribe the URL above to the topic in SNS."</p>
        }.into_any(),
    };
    let cert_id = format!("sns-cert-{id}");
    view! {
        <div class="mt-3 space-y-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm dark:border-amber-700 dark:bg-amber-950" data-testid="sns-status">
            {status}
            {sns.wanted_cert.map(|url| view! {
                <p class="font-medium">"SNS signed a message under a certificate Concord does not have yet."</p>
                <p>"Open " <a class="break-all underline" href=url.clone() target="_blank" rel="noreferrer noopener">{url.clone()}</a> " (Amazon's, public), copy all of it and paste it here. Until then its messages are refused, and SNS retries them."</p>
                <ActionForm action=add_cert attr:class="space-y-2">
                    <input type="hidden" name="id" value=id />
                    <input type="hidden" name="url" value=url />
                    <label for=cert_id.clone() class=LABEL>"SNS signing certificate (PEM)"</label>
                    <TextArea class="font-mono text-xs" {..} id=cert_id.clone() name="pem" rows="4" required=true placeholder="-----BEGIN CERTIFICATE-----"></TextArea>
                    <Button look=Look::Secondary small=true>"Keep the certificate"</Button>
                </ActionForm>
            })}
        </div>
    }
}
