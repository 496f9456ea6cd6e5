import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { JetStreamApiError, type JetStreamManager } from '@nats-io/jetstream';
import { AuthorizationError, ConnectionError, PermissionViolationError, RequestError, UserAuthenticationExpiredError } from '@nats-io/transport-node';
import { BrokerConfigurationError, ConnectFailedError } from '../../../lib/core';
import { isUnreachable } from '../../../lib/core/start-attempts';
import { explainConnectRefusal } from '../../../lib/nats/nats-connection';
import { explainStreamRefusal } from '../../../lib/nats/nats-stream-refusal';

/** A stream manager whose `find` says which stream holds a subject. */
function manager(holders: Record<string, string>): JetStreamManager {
  return { streams: { find: async (subject: string) => holders[subject] } } as unknown as JetStreamManager;
}

describe('explainConnectRefusal', () => {
  it('refused credentials (by the driver\'s error class) are a BrokerConfigurationError, not retried', () => {
    for (const refusal of [new AuthorizationError('Authorization Violation'), new UserAuthenticationExpiredError('User Authentication Expired')]) {
      const error = explainConnectRefusal(refusal);
      assert.ok(error instanceof BrokerConfigurationError, String(error));
      assert.equal(error.code, 'ACK_BROKER_CONFIGURATION');
      assert.equal(error.cause, refusal);
      assert.equal(isUnreachable(error), false);
    }
  });

  it('anything else is a ConnectFailedError that the start retries when its cause says unreachable', () => {
    const refused = Object.assign(new ConnectionError('connection refused'), { code: 'ECONNREFUSED' });
    const error = explainConnectRefusal(refused);
    assert.ok(error instanceof ConnectFailedError);
    assert.equal(error.code, 'ACK_CONNECT_FAILED');
    assert.equal(error.cause, refused);
    assert.equal(isUnreachable(error), true);
  });
});

describe('explainStreamRefusal', () => {
  it('a permission violation (a RequestError caused by PermissionViolationError) says what to grant', async () => {
    const violation = new RequestError('Permissions Violation for Publish to "$JS.API.STREAM.CREATE.S"', {
      cause: new PermissionViolationError('Permissions Violation for Publish to "$JS.API.STREAM.CREATE.S"', 'publish', '$JS.API.STREAM.CREATE.S'),
    });
    const error = await explainStreamRefusal(manager({}), 'S', ['a'], violation);
    assert.ok(error instanceof BrokerConfigurationError);
    assert.equal(error.code, 'ACK_BROKER_CONFIGURATION');
    assert.match(error.message, /grant this user publish on \$JS\.API\.STREAM\.>/);
  });

  it('subjects overlap (JetStream error 10065) names the stream holding each subject', async () => {
    const overlap = new JetStreamApiError({ code: 400, err_code: 10065, description: 'subjects overlap with an existing stream' });
    const error = await explainStreamRefusal(manager({ a: 'OTHER' }), 'S', ['a', 'b'], overlap);
    assert.ok(error instanceof BrokerConfigurationError);
    assert.match(error.message, /stream "S" cannot take the subjects "a", "b": "a" is held by stream "OTHER"/);
    assert.equal(error.cause, overlap);
  });

  it('another refusal, even one whose text mentions an overlap, comes back as it is', async () => {
    const other = new JetStreamApiError({ code: 400, err_code: 10058, description: 'stream name already in use (subjects overlap)' });
    assert.equal(await explainStreamRefusal(manager({}), 'S', ['a'], other), other);
  });
});
