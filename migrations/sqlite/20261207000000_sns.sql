-- Amazon SES through SNS. SNS signs each message under an X.509 certificate at a URL on an
-- SNS host; Concord fetches nothing itself, so an admin pastes each certificate once (they
-- change rarely) and it is kept here by its URL. A source keeps the last subscription
-- confirmation SNS sent (to show its link once verified), the certificate URL it is waiting
-- for, and when the first verified notification proved the subscription confirmed.
CREATE TABLE sns_certificates (
    url       TEXT    PRIMARY KEY,
    pem       TEXT    NOT NULL,
    added_by  INTEGER REFERENCES users (id),
    added_at  INTEGER NOT NULL
);

ALTER TABLE sources ADD COLUMN sns_confirmation TEXT;
ALTER TABLE sources ADD COLUMN sns_wanted_cert TEXT;
ALTER TABLE sources ADD COLUMN sns_confirmed_at INTEGER;
