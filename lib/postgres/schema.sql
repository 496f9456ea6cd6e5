-- nestjs-ack PostgreSQL transport: schema for the default names (schema public, table nestjs_ack_messages).
-- PostgresAckServer({ createSchema: true }) runs the same statements at start; teams that run their own
-- migrations apply this file instead (replace the names if you set the schema/table options).
-- Rows: PENDING -> PROCESSING (claimed, leased) -> COMPLETED (ack) | RETRYABLE (nack, due at next_attempt_at) | FAILED (reject: the dead letter).
-- attempts counts claims (the delivery count). The partial index *_claimable keeps claiming fast however many settled rows the table holds.
CREATE SCHEMA IF NOT EXISTS "public";
CREATE TABLE IF NOT EXISTS "public"."nestjs_ack_messages" (
  id               bigserial PRIMARY KEY,
  queue            text        NOT NULL,
  pattern          text,
  body             bytea       NOT NULL,
  headers          jsonb       NOT NULL DEFAULT '{}'::jsonb,
  reply_to         text,
  correlation_id   text,
  state            text        NOT NULL DEFAULT 'PENDING'
                   CHECK (state IN ('PENDING', 'PROCESSING', 'COMPLETED', 'RETRYABLE', 'FAILED')),
  attempts         integer     NOT NULL DEFAULT 0,
  next_attempt_at  timestamptz NOT NULL DEFAULT now(),
  lease_expires_at timestamptz,
  reason           text,
  error_name       text,
  last_error       text,
  first_failure_at timestamptz,
  last_failure_at  timestamptz,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS "nestjs_ack_messages_claimable" ON "public"."nestjs_ack_messages" (queue, next_attempt_at, id) WHERE state IN ('PENDING', 'RETRYABLE');
CREATE INDEX IF NOT EXISTS "nestjs_ack_messages_leased" ON "public"."nestjs_ack_messages" (queue, lease_expires_at) WHERE state = 'PROCESSING';
CREATE INDEX IF NOT EXISTS "nestjs_ack_messages_settled" ON "public"."nestjs_ack_messages" (queue, state, updated_at) WHERE state IN ('COMPLETED', 'FAILED');
CREATE TABLE IF NOT EXISTS "public"."nestjs_ack_messages_replies" (
  id             bigserial PRIMARY KEY,
  reply_to       text        NOT NULL,
  correlation_id text        NOT NULL,
  body           bytea       NOT NULL,
  created_at     timestamptz NOT NULL DEFAULT now()
);
