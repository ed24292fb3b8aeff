-- Amazon SES through SNS. SNS signs each message under an X.509 certificate at a URL on an
-- SNS host; Concord fetches nothing itself, so an admin pastes each certificate once (they
-- change rarely) and it is kept here by its URL. A source keeps the last subscription
-- confirmation SNS sent (to show its link once verified), the certificate URL it is waiting
-- for, and when the first verified notification proved the subscription confirmed.
CREATE TABLE sns_certificates (
    url       TEXT    COLLATE "C" PRIMARY KEY,
    pem       TEXT    COLLATE "C" NOT NULL,
    added_by  BIGINT  REFERENCES users (id),
    added_at  BIGINT  NOT NULL
);

ALTER TABLE sources ADD COLUMN sns_confirmation TEXT COLLATE "C";
ALTER TABLE sources ADD COLUMN sns_wanted_cert TEXT COLLATE "C";
ALTER TABLE sources ADD COLUMN sns_confirmed_at BIGINT;
