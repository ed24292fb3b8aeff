//! The SES-through-SNS reader against AWS's documented samples.

use super::*;
use crate::domain::ids::TouchId;
use crate::domain::senders::{Engagement, Outcome};
use crate::domain::Channel;
use rstest::rstest;

const CERT: &str = "https://sns.us-west-2.amazonaws.com/SimpleNotificationService-f3ecfb7224c7233fe7bb5f59f96de52f.pem";

/// AWS's sample HTTP notification ("Amazon SNS message formats"), with a decodable signature.
const SNS_NOTIFICATION: &str = r#"{
  "Type" : "Notification",
  "MessageId" : "22b80b92-fdea-4c2c-8f9d-bdfb0c7bf324",
  "TopicArn" : "arn:aws:sns:us-west-2:123456789012:MyTopic",
  "Subject" : "My First Message",
  "Message" : "Hello world!",
  "Timestamp" : "2012-05-02T00:54:06.655Z",
  "SignatureVersion" : "1",
  "Signature" : "AP9zaWc=",
  "SigningCertURL" : "https://sns.us-west-2.amazonaws.com/SimpleNotificationService-f3ecfb7224c7233fe7bb5f59f96de52f.pem",
  "UnsubscribeURL" : "https://sns.us-west-2.amazonaws.com/?Action=Unsubscribe&SubscriptionArn=arn:aws:sns:us-west-2:123456789012:MyTopic:c9135db0-26c4-47ec-8998-413945fb5a96"
}"#;

/// AWS's sample subscription confirmation (its `Message` holds an escaped newline).
const SNS_CONFIRMATION: &str = r#"{
  "Type" : "SubscriptionConfirmation",
  "MessageId" : "165545c9-2a5c-472c-8df2-7ff2be2b3b1b",
  "Token" : "2336412f37",
  "TopicArn" : "arn:aws:sns:us-west-2:123456789012:MyTopic",
  "Message" : "You have chosen to subscribe to the topic arn:aws:sns:us-west-2:123456789012:MyTopic.\nTo confirm the subscription, visit the SubscribeURL included in this message.",
  "SubscribeURL" : "https://sns.us-west-2.amazonaws.com/?Action=ConfirmSubscription&TopicArn=arn:aws:sns:us-west-2:123456789012:MyTopic&Token=2336412f37",
  "Timestamp" : "2012-04-26T20:45:04.751Z",
  "SignatureVersion" : "2",
  "Signature" : "EXAMPLEpH+DcEwjAPg8O9mY8dReBSwksfg2S7WKQcikcNKWLQjwu6A4VbeS0QHVCkhRS7fUQvi2egU3N858fiTDN6bkkOxYDVrY0Ad8L10Hs3zH81mtnPk5uvvolIC1CXGu43obcgFxeL3khZl8IKvO61GWB6jI9b5+gLPoBc1Q=",
  "SigningCertURL" : "https://sns.us-west-2.amazonaws.com/SimpleNotificationService-f3ecfb7224c7233fe7bb5f59f96de52f.pem"
}"#;

/// SES's "Bounce notification without a DSN" (two of three recipients bounced), without
/// the optional original headers.
const BOUNCE: &str = r#"{
  "notificationType":"Bounce",
  "bounce":{
    "bounceType":"Permanent",
    "bounceSubType": "General",
    "bouncedRecipients":[
      {"emailAddress":"jane@example.com"},
      {"emailAddress":"richard@example.com"}
    ],
    "timestamp":"2016-01-27T14:59:38.237Z",
    "feedbackId":"00000137860315fd-869464a4-8680-4114-98d3-716fe35851f9-000000",
    "remoteMtaIp":"127.0.2.0"
  },
  "mail":{
    "timestamp":"2016-01-27T14:59:38.237Z",
    "messageId":"00000137860315fd-34208509-5b74-41f3-95c5-22c1edc3c924-000000",
    "source":"john@example.com",
    "sourceArn": "arn:aws:ses:us-east-1:888888888888:identity/example.com",
    "sourceIp": "127.0.3.0",
    "sendingAccountId":"123456789012",
    "destination":["jane@example.com","mary@example.com","richard@example.com"]
  }
}"#;

/// SES's "Bounce notification with a DSN", without the original headers.
const BOUNCE_WITH_DSN: &str = r#"{
  "notificationType":"Bounce",
  "bounce":{
    "bounceType":"Permanent",
    "reportingMTA":"dns; email.example.com",
    "bouncedRecipients":[{
      "emailAddress":"jane@example.com",
      "status":"5.1.1",
      "action":"failed",
      "diagnosticCode":"smtp; 550 5.1.1 <jane@example.com>... User"
    }],
    "bounceSubType":"General",
    "timestamp":"2016-01-27T14:59:38.237Z",
    "feedbackId":"00000138111222aa-33322211-cccc-cccc-cccc-ddddaaaa068a-000000",
    "remoteMtaIp":"127.0.2.0"
  },
  "mail":{
    "timestamp":"2016-01-27T14:59:38.237Z",
    "source":"john@example.com",
    "sendingAccountId":"123456789012",
    "messageId":"00000138111222aa-33322211-cccc-cccc-cccc-ddddaaaa0680-000000",
    "destination":["jane@example.com","mary@example.com","richard@example.com"]
  }
}"#;

/// SES's "Complaint notification with a feedback report", without the original headers.
const COMPLAINT: &str = r#"{
  "notificationType":"Complaint",
  "complaint":{
    "userAgent":"AnyCompany Feedback Loop (V0.01)",
    "complainedRecipients":[{"emailAddress":"richard@example.com"}],
    "complaintFeedbackType":"abuse",
    "arrivalDate":"2016-01-27T14:59:38.237Z",
    "timestamp":"2016-01-27T14:59:38.237Z",
    "feedbackId":"000001378603177f-18c07c78-fa81-4a58-9dd1-fedc3cb8f49a-000000"
  },
  "mail":{
    "timestamp":"2016-01-27T14:59:38.237Z",
    "messageId":"000001378603177f-7a5433e7-8edb-42ae-af10-f0181f34d6ee-000000",
    "source":"john@example.com",
    "sendingAccountId":"123456789012",
    "destination":["jane@example.com","mary@example.com","richard@example.com"]
  }
}"#;

/// SES's "delivery notification example", without the original headers.
const DELIVERY: &str = r#"{
  "notificationType":"Delivery",
  "mail":{
    "timestamp":"2016-01-27T14:59:38.237Z",
    "messageId":"0000014644fe5ef6-9a483358-9170-4cb4-a269-f5dcdf415321-000000",
    "source":"john@example.com",
    "sendingAccountId":"123456789012",
    "destination":["jane@example.com"]
  },
  "delivery":{
    "timestamp":"2016-01-27T14:59:38.237Z",
    "recipients":["jane@example.com"],
    "processingTimeMillis":546,
    "reportingMTA":"a8-70.smtp-out.amazonses.com",
    "smtpResponse":"250 ok:  Message 64111812 accepted",
    "remoteMtaIp":"127.0.2.0"
  }
}"#;

/// SES's event-publishing `Open` record, with Concord's tag added (and no headers).
const OPEN: &str = r#"{
  "eventType": "Open",
  "mail": {
    "commonHeaders": {
      "from": ["sender@example.com"],
      "messageId": "EXAMPLE7c191be45-e9aedb9a-02f9-4d12-a87d-dd0099a07f8a-000000",
      "subject": "Message sent from Amazon SES",
      "to": ["recipient@example.com"]
    },
    "destination": ["recipient@example.com"],
    "headersTruncated": false,
    "messageId": "EXAMPLE7c191be45-e9aedb9a-02f9-4d12-a87d-dd0099a07f8a-000000",
    "sendingAccountId": "123456789012",
    "source": "sender@example.com",
    "tags": {
      "concord_touch_id": ["42"],
      "myCustomTag1": ["myCustomValue1"],
      "ses:caller-identity": ["ses-user"],
      "ses:configuration-set": ["ConfigSet"],
      "ses:from-domain": ["example.com"],
      "ses:source-ip": ["192.0.2.0"]
    },
    "timestamp": "2017-08-09T21:59:49.927Z"
  },
  "open": {
    "ipAddress": "192.0.2.1",
    "timestamp": "2017-08-09T22:00:19.652Z",
    "userAgent": "Mozilla/5.0 (iPhone; CPU iPhone OS 10_3_3 like Mac OS X) AppleWebKit/603.3.8 (KHTML, like Gecko) Mobile/14G60"
  }
}"#;

/// A Notification carrying `message`, with AWS's sample envelope fields.
fn notification(message: &str) -> SnsEnvelope {
    let body = serde_json::json!({
        "Type": "Notification",
        "MessageId": "22b80b92-fdea-4c2c-8f9d-bdfb0c7bf324",
        "TopicArn": "arn:aws:sns:us-west-2:123456789012:MyTopic",
        "Message": message,
        "Timestamp": "2012-05-02T00:54:06.655Z",
        "SignatureVersion": "2",
        "Signature": "AP9zaWc=",
        "SigningCertURL": CERT,
    });
    envelope(body.to_string().as_bytes()).unwrap()
}

fn at(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text)
        .unwrap()
        .with_timezone(&Utc)
}

#[test]
fn a_notification_is_read_and_its_signed_text_keeps_the_subject() {
    let sns = envelope(SNS_NOTIFICATION.as_bytes()).unwrap();
    assert_eq!(sns.kind, SnsType::Notification);
    assert_eq!(sns.signature_version, 1);
    assert_eq!(sns.signature, [0x00, 0xff, b's', b'i', b'g']);
    assert_eq!(sns.subscribe_url, None);
    assert_eq!(sns.sent_at(), Some(at("2012-05-02T00:54:06.655Z")));
    assert_eq!(
        sns.string_to_sign(),
        "Message\nHello world!\n\
         MessageId\n22b80b92-fdea-4c2c-8f9d-bdfb0c7bf324\n\
         Subject\nMy First Message\n\
         Timestamp\n2012-05-02T00:54:06.655Z\n\
         TopicArn\narn:aws:sns:us-west-2:123456789012:MyTopic\n\
         Type\nNotification\n"
    );
}

#[test]
fn a_notification_without_a_subject_signs_no_subject_line() {
    let body = SNS_NOTIFICATION.replace(r#""Subject" : "My First Message","#, "");
    let sns = envelope(body.as_bytes()).unwrap();
    assert_eq!(sns.subject, None);
    assert_eq!(
        sns.string_to_sign(),
        "Message\nHello world!\n\
         MessageId\n22b80b92-fdea-4c2c-8f9d-bdfb0c7bf324\n\
         Timestamp\n2012-05-02T00:54:06.655Z\n\
         TopicArn\narn:aws:sns:us-west-2:123456789012:MyTopic\n\
         Type\nNotification\n"
    );
}

#[test]
fn a_confirmation_signs_its_subscribe_url_and_token_and_hides_them_from_debug() {
    let sns = envelope(SNS_CONFIRMATION.as_bytes()).unwrap();
    assert_eq!(sns.kind, SnsType::SubscriptionConfirmation);
    assert_eq!(sns.signature_version, 2);
    assert_eq!(sns.signature.len(), 128);
    assert_eq!(
        sns.string_to_sign(),
        "Message\nYou have chosen to subscribe to the topic \
         arn:aws:sns:us-west-2:123456789012:MyTopic.\n\
         To confirm the subscription, visit the SubscribeURL included in this message.\n\
         MessageId\n165545c9-2a5c-472c-8df2-7ff2be2b3b1b\n\
         SubscribeURL\nhttps://sns.us-west-2.amazonaws.com/?Action=ConfirmSubscription\
         &TopicArn=arn:aws:sns:us-west-2:123456789012:MyTopic&Token=2336412f37\n\
         Timestamp\n2012-04-26T20:45:04.751Z\n\
         Token\n2336412f37\n\
         TopicArn\narn:aws:sns:us-west-2:123456789012:MyTopic\n\
         Type\nSubscriptionConfirmation\n"
    );
    assert_eq!(signals(&sns).unwrap(), []);
    let shown = format!("{sns:?}");
    assert!(!shown.contains("2336412f37"), "{shown}");
    assert!(!shown.contains("You have chosen"), "{shown}");
}

#[rstest]
#[case::no_signature(r#""Signature" : "AP9zaWc=","#, "", "no `Signature`")]
#[case::version_3(
    r#""SignatureVersion" : "1""#,
    r#""SignatureVersion" : "3""#,
    "SignatureVersion"
)]
#[case::version_number(
    r#""SignatureVersion" : "1""#,
    r#""SignatureVersion" : 1"#,
    "SignatureVersion"
)]
#[case::bad_base64(r#""AP9zaWc=""#, r#""AP9z*Wc=""#, "base64")]
#[case::unpadded_base64(r#""AP9zaWc=""#, r#""AP9zaWc""#, "base64")]
#[case::empty_signature(r#""AP9zaWc=""#, r#""""#, "base64")]
#[case::no_message(r#""Message" : "Hello world!","#, "", "no `Message`")]
#[case::no_topic(
    r#""TopicArn" : "arn:aws:sns:us-west-2:123456789012:MyTopic","#,
    "",
    "no `TopicArn`"
)]
#[case::no_cert(r#""SigningCertURL""#, r#""SigningCert""#, "no `SigningCertURL`")]
#[case::unknown_type(r#""Type" : "Notification""#, r#""Type" : "Gossip""#, "Type")]
#[case::number_message(r#""Hello world!""#, "7", "`Message` is not text")]
fn a_malformed_envelope_is_refused(#[case] from: &str, #[case] to: &str, #[case] says: &str) {
    let body = SNS_NOTIFICATION.replacen(from, to, 1);
    assert_ne!(body, SNS_NOTIFICATION, "the case must change the sample");
    let err = envelope(body.as_bytes()).unwrap_err();
    assert!(err.0.contains(says), "{err}");
}

#[test]
fn a_confirmation_without_its_token_or_a_body_that_is_not_an_object_is_refused() {
    let body = SNS_CONFIRMATION.replace(r#""Token" : "2336412f37","#, "");
    assert!(envelope(body.as_bytes()).unwrap_err().0.contains("Token"));
    assert!(envelope(b"[]").is_err());
    assert!(envelope(b"Type=Notification").is_err());
}

#[test]
fn a_bounce_gives_one_signal_per_bounced_recipient() {
    let signals = signals(&notification(BOUNCE)).unwrap();
    let addresses: Vec<_> = signals
        .iter()
        .map(|s| s.target.address.as_deref().unwrap())
        .collect();
    assert_eq!(addresses, ["jane@example.com", "richard@example.com"]);
    let ids: Vec<_> = signals.iter().map(|s| s.event_id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "22b80b92-fdea-4c2c-8f9d-bdfb0c7bf324:0",
            "22b80b92-fdea-4c2c-8f9d-bdfb0c7bf324:1"
        ]
    );
    for signal in &signals {
        assert_eq!(
            signal.outcome,
            Outcome::Bounced {
                reason: "General".into()
            }
        );
        assert_eq!(signal.channel, Channel::Email);
        assert_eq!(signal.at, at("2016-01-27T14:59:38.237Z"));
        assert_eq!(signal.target.touch, None);
        assert_eq!(
            signal.target.message_id.as_deref(),
            Some("00000137860315fd-34208509-5b74-41f3-95c5-22c1edc3c924-000000")
        );
    }

    let with_dsn = super::signals(&notification(BOUNCE_WITH_DSN)).unwrap();
    assert_eq!(
        with_dsn[0].outcome,
        Outcome::Bounced {
            reason: "General: smtp; 550 5.1.1 <jane@example.com>... User".into()
        }
    );

    for soft in ["Transient", "Undetermined"] {
        let message = BOUNCE.replace("Permanent", soft);
        let signals = super::signals(&notification(&message)).unwrap();
        assert_eq!(signals.len(), 2);
        assert!(signals.iter().all(|s| s.outcome == Outcome::Deferred));
    }
}

#[test]
fn a_complaint_and_a_delivery_name_their_recipient() {
    let complaint = signals(&notification(COMPLAINT)).unwrap();
    assert_eq!(complaint.len(), 1);
    assert_eq!(complaint[0].outcome, Outcome::Complained);
    assert_eq!(
        complaint[0].target.address.as_deref(),
        Some("richard@example.com")
    );
    assert_eq!(
        complaint[0].target.message_id.as_deref(),
        Some("000001378603177f-7a5433e7-8edb-42ae-af10-f0181f34d6ee-000000")
    );
    assert_eq!(
        complaint[0].event_id,
        "22b80b92-fdea-4c2c-8f9d-bdfb0c7bf324:0"
    );
    let not_spam = COMPLAINT.replace(r#""abuse""#, r#""not-spam""#);
    assert_eq!(
        signals(&notification(&not_spam)).unwrap()[0].outcome.name(),
        "noted"
    );

    let delivery = signals(&notification(DELIVERY)).unwrap();
    assert_eq!(delivery.len(), 1);
    assert_eq!(delivery[0].outcome, Outcome::Delivered);
    assert_eq!(
        delivery[0].target.address.as_deref(),
        Some("jane@example.com")
    );
    assert_eq!(
        delivery[0].target.message_id.as_deref(),
        Some("0000014644fe5ef6-9a483358-9170-4cb4-a269-f5dcdf415321-000000")
    );
}

#[test]
fn an_open_carries_the_touch_from_its_tags_and_its_own_time() {
    let open = signals(&notification(OPEN)).unwrap();
    assert_eq!(open.len(), 1);
    assert_eq!(open[0].outcome, Outcome::Engaged(Engagement::Open));
    assert_eq!(open[0].target.touch, Some(TouchId(42)));
    assert_eq!(
        open[0].target.message_id.as_deref(),
        Some("EXAMPLE7c191be45-e9aedb9a-02f9-4d12-a87d-dd0099a07f8a-000000")
    );
    assert_eq!(
        open[0].target.address.as_deref(),
        Some("recipient@example.com")
    );
    assert_eq!(open[0].at, at("2017-08-09T22:00:19.652Z"));

    let not_a_number = OPEN.replace(r#"["42"]"#, r#"["forty-two"]"#);
    assert_eq!(
        signals(&notification(&not_a_number)).unwrap()[0]
            .target
            .touch,
        None
    );
}

/// Event-publishing records as SES documents them, reduced to what is read.
#[rstest]
#[case::send(r#"{"eventType":"Send","mail":{"timestamp":"2016-10-14T05:02:16.645Z",
    "messageId":"m1","destination":["a@example.com","b@example.com"]},"send":{}}"#,
    &["sent", "sent"], "2016-10-14T05:02:16.645Z")]
#[case::click(r#"{"eventType":"Click","click":{"ipAddress":"192.0.2.1",
    "link":"http://docs.aws.amazon.com/ses/latest/DeveloperGuide/send-email-smtp.html",
    "timestamp":"2017-08-09T23:51:25.570Z"},"mail":{"timestamp":"2017-08-09T23:50:05.795Z",
    "messageId":"m1","destination":["recipient@example.com"]}}"#,
    &["engaged"], "2017-08-09T23:51:25.570Z")]
#[case::delay(r#"{"eventType":"DeliveryDelay","mail":{"timestamp":"2020-06-16T00:15:40.641Z",
    "messageId":"m1","destination":["recipient@example.com"]},"deliveryDelay":{
    "timestamp":"2020-06-16T00:25:40.095Z","delayType":"TransientCommunicationFailure",
    "delayedRecipients":[{"emailAddress":"recipient@example.com","status":"4.4.1",
    "diagnosticCode":"smtp; 421 4.4.1 Unable to connect to remote host"}]}}"#,
    &["deferred"], "2020-06-16T00:25:40.095Z")]
#[case::reject(r#"{"eventType":"Reject","mail":{"timestamp":"2016-10-14T17:38:15.211Z",
    "messageId":"m1","destination":["recipient@example.com"]},"reject":{"reason":"Bad content"}}"#,
    &["failed"], "2016-10-14T17:38:15.211Z")]
#[case::rendering(r#"{"eventType":"Rendering Failure","mail":{"timestamp":"2018-01-22T18:43:06.197Z",
    "messageId":"m1","destination":["recipient@example.com"]},"failure":{
    "errorMessage":"Attribute 'attributeName' is not present in the rendering data.",
    "templateName":"MyTemplate"}}"#, &["failed"], "2018-01-22T18:43:06.197Z")]
#[case::unsubscribe_all(r#"{"eventType":"Subscription","mail":{"timestamp":"2022-01-12T01:00:14.340Z",
    "messageId":"m1","destination":["recipient@example.com"]},"subscription":{
    "contactList":"ContactListName","timestamp":"2022-01-12T01:00:17.910Z","source":"UnsubscribeHeader",
    "newTopicPreferences":{"unsubscribeAll":true,"topicSubscriptionStatus":[
      {"topicName":"ExampleTopicName","subscriptionStatus":"OptOut"}]},
    "oldTopicPreferences":{"unsubscribeAll":false,"topicSubscriptionStatus":[
      {"topicName":"ExampleTopicName","subscriptionStatus":"OptOut"}]}}}"#,
    &["unsubscribed"], "2022-01-12T01:00:17.910Z")]
#[case::topic_opt_out(r#"{"eventType":"Subscription","mail":{"timestamp":"2022-01-12T01:00:14.340Z",
    "messageId":"m1","destination":["recipient@example.com"]},"subscription":{
    "timestamp":"2022-01-12T01:00:17.910Z",
    "newTopicPreferences":{"unsubscribeAll":false,"topicSubscriptionStatus":[
      {"topicName":"News","subscriptionStatus":"OptOut"}]},
    "oldTopicPreferences":{"unsubscribeAll":false,"topicSubscriptionStatus":[
      {"topicName":"News","subscriptionStatus":"OptIn"}]}}}"#,
    &["unsubscribed"], "2022-01-12T01:00:17.910Z")]
#[case::opt_in_only(r#"{"eventType":"Subscription","mail":{"timestamp":"2022-01-12T01:00:14.340Z",
    "messageId":"m1","destination":["recipient@example.com"]},"subscription":{
    "timestamp":"2022-01-12T01:00:17.910Z",
    "newTopicPreferences":{"unsubscribeAll":false,"topicSubscriptionStatus":[
      {"topicName":"News","subscriptionStatus":"OptIn"},
      {"topicName":"Old","subscriptionStatus":"OptOut"}]},
    "oldTopicPreferences":{"unsubscribeAll":false,"topicSubscriptionStatus":[
      {"topicName":"News","subscriptionStatus":"OptOut"},
      {"topicName":"Old","subscriptionStatus":"OptOut"}]}}}"#,
    &["noted"], "2022-01-12T01:00:17.910Z")]
#[case::ses_test_message(r#"{"notificationType":"AmazonSnsSubscriptionSucceeded",
    "message":"You have successfully subscribed your Amazon SNS topic to receive 'Bounce' notifications from Amazon SES."}"#,
    &["noted"], "2012-05-02T00:54:06.655Z")]
fn each_event_type_maps_onto_an_outcome(
    #[case] message: &str,
    #[case] outcomes: &[&str],
    #[case] when: &str,
) {
    let signals = signals(&notification(message)).unwrap();
    let names: Vec<_> = signals.iter().map(|s| s.outcome.name()).collect();
    assert_eq!(names, outcomes);
    assert!(signals.iter().all(|s| s.at == at(when)));
}

#[test]
fn failures_and_unsubscribes_say_why() {
    let reject = r#"{"eventType":"Reject","mail":{"timestamp":"2016-10-14T17:38:15.211Z",
        "messageId":"m1","destination":["r@example.com"]},"reject":{"reason":"Bad content"}}"#;
    assert_eq!(
        signals(&notification(reject)).unwrap()[0].outcome,
        Outcome::Failed {
            reason: "SES rejected it: Bad content".into()
        }
    );
    let unsubscribe = r#"{"eventType":"Subscription","mail":{"timestamp":"2022-01-12T01:00:14.340Z",
        "messageId":"m1","destination":["r@example.com"]},"subscription":{
        "timestamp":"2022-01-12T01:00:17.910Z","newTopicPreferences":{"unsubscribeAll":true}}}"#;
    assert_eq!(
        signals(&notification(unsubscribe)).unwrap()[0].outcome,
        Outcome::Unsubscribed {
            reason: "SES subscription preferences".into()
        }
    );
}

#[test]
fn a_message_that_is_not_ses_json_is_refused() {
    let err = signals(&notification("Hello world!")).unwrap_err();
    assert!(err.0.contains("not JSON"), "{err}");
    assert!(signals(&notification(r#"{"mail":{}}"#)).is_err());
    assert!(signals(&notification(r#"["Bounce"]"#)).is_err());
    let no_address = BOUNCE.replace(r#"{"emailAddress":"jane@example.com"}"#, "{}");
    assert!(signals(&notification(&no_address)).is_err());
}

#[rstest]
#[case("https://sns.us-east-1.amazonaws.com/SimpleNotificationService-f3ecfb7224c7233fe7bb5f59f96de52f.pem")]
#[case(CERT)]
#[case("https://sns.us-gov-west-1.amazonaws.com/SimpleNotificationService-1.pem")]
#[case("https://sns.cn-north-1.amazonaws.com.cn/SimpleNotificationService-1.pem")]
fn an_sns_certificate_url_is_allowed(#[case] url: &str) {
    assert!(cert_url_allowed(url));
}

#[rstest]
#[case::suffix("https://sns.us-east-1.amazonaws.com.evil.com/x.pem")]
#[case::http("http://sns.us-east-1.amazonaws.com/x.pem")]
#[case::in_path("https://evil.com/sns.us-east-1.amazonaws.com/x.pem")]
#[case::userinfo("https://user@sns.us-east-1.amazonaws.com/x.pem")]
#[case::userinfo_after("https://sns.us-east-1.amazonaws.com@evil.com/x.pem")]
#[case::backslash("https://sns.us-east-1.amazonaws.com\\@evil.com/x.pem")]
#[case::port("https://sns.us-east-1.amazonaws.com:8443/x.pem")]
#[case::not_pem("https://sns.us-east-1.amazonaws.com/x.txt")]
#[case::query("https://sns.us-east-1.amazonaws.com/x.pem?a=b")]
#[case::query_hides_path("https://sns.us-east-1.amazonaws.com/x?.pem")]
#[case::fragment("https://sns.us-east-1.amazonaws.com/x#.pem")]
#[case::dot_dot("https://sns.us-east-1.amazonaws.com/../x.pem")]
#[case::bare_pem("https://sns.us-east-1.amazonaws.com/.pem")]
#[case::no_path("https://sns.us-east-1.amazonaws.com")]
#[case::dotted_region("https://sns.evil.com.amazonaws.com/x.pem")]
#[case::s3_bucket("https://sns.s3.amazonaws.com/x.pem")]
#[case::s3_region("https://sns.s3-us-west-2.amazonaws.com/x.pem")]
#[case::upper_case_region("https://sns.US-EAST-1.amazonaws.com/x.pem")]
#[case::no_region("https://sns.amazonaws.com/x.pem")]
#[case::other_service("https://sqs.us-east-1.amazonaws.com/x.pem")]
#[case::trailing_dot("https://sns.us-east-1.amazonaws.com./x.pem")]
#[case::scheme_case("HTTPS://sns.us-east-1.amazonaws.com/x.pem")]
#[case::percent("https://sns.us-east-1.amazonaws.com/%2e%2e/x.pem")]
#[case::empty("")]
fn a_hostile_certificate_url_is_refused(#[case] url: &str) {
    assert!(!cert_url_allowed(url));
}

#[test]
fn a_received_email_is_a_reply_from_its_sender_unless_a_machine_answered() {
    let body = |headers: &str| {
        let ses = format!(
            r#"{{"notificationType":"Received","mail":{{"timestamp":"2026-12-05T12:00:00.000Z","source":"casey@example.org",
              "messageId":"in-1","destination":["sales@ourco.example"],
              "headers":[{{"name":"In-Reply-To","value":"<0100-ses-1@email.amazonses.com>"}}{headers}]}},
              "receipt":{{"action":{{"type":"SNS"}}}}}}"#
        );
        serde_json::json!({"Type": "Notification", "MessageId": "rx-1", "TopicArn": "arn:aws:sns:us-east-1:1:in",
            "Message": ses, "Timestamp": "2026-12-05T12:00:01.000Z", "SignatureVersion": "1",
            "Signature": "AP9zaWc=", "SigningCertURL": CERT})
        .to_string()
    };
    let reply = signals(&envelope(body("").as_bytes()).unwrap()).unwrap();
    assert_eq!(reply.len(), 1);
    assert_eq!(reply[0].outcome, Outcome::Replied);
    assert_eq!(
        reply[0].target.address.as_deref(),
        Some("casey@example.org")
    );
    assert_eq!(
        reply[0].target.message_id.as_deref(),
        Some("0100-ses-1@email.amazonses.com")
    );
    assert_eq!(reply[0].event_id, "rx-1:0");
    let away = body(r#",{"name":"Auto-Submitted","value":"auto-replied"}"#);
    let away = signals(&envelope(away.as_bytes()).unwrap()).unwrap();
    assert!(matches!(away[0].outcome, Outcome::Noted { .. }));
}
