import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ErrorCodes as JsonRpcErrorCodes, ResponseError } from 'vscode-jsonrpc/node';
import { describeExit, isConnectionFailure, RpcError, toRpcError } from '../rpc/errors';
import { ErrorCodes } from '../rpc/protocol';

describe('toRpcError', () => {
  it('keeps the message as-is and reads the error code and subject from the data', () => {
    const error = toRpcError(
      new ResponseError(ErrorCodes.KUBECONFIG_UNREADABLE, '/k/config: permission denied', {
        errorCode: 'KUBECONFIG_UNREADABLE',
        subject: '/k/config',
      }),
    );
    assert.ok(error instanceof RpcError);
    assert.equal(error.message, '/k/config: permission denied');
    assert.equal(error.errorCode, 'KUBECONFIG_UNREADABLE');
    assert.equal(error.subject, '/k/config');
  });

  it('names the error code by its number when the data has none', () => {
    const error = toRpcError(new ResponseError(ErrorCodes.CONTEXT_NOT_FOUND, 'no context qa'));
    assert.equal(error.errorCode, 'CONTEXT_NOT_FOUND');
    assert.equal(error.subject, undefined);
  });

  it('leaves the error code unset for numbers that are not kubereplay codes', () => {
    assert.equal(toRpcError(new ResponseError(-1, 'odd')).errorCode, undefined);
  });

  it('carries the message of anything else', () => {
    assert.equal(toRpcError(new Error('socket hang up')).message, 'socket hang up');
    assert.equal(toRpcError('plain').message, 'plain');
  });
});

describe('isConnectionFailure', () => {
  it('tells failures on the way from answers of the server', () => {
    assert.equal(isConnectionFailure(new Error('EPIPE')), true);
    assert.equal(
      isConnectionFailure(new ResponseError(JsonRpcErrorCodes.MessageWriteError, 'write EPIPE')),
      true,
    );
    assert.equal(isConnectionFailure(new ResponseError(ErrorCodes.FORBIDDEN, 'forbidden')), false);
  });
});

describe('describeExit', () => {
  it('names the exit code and the last non-empty stderr lines', () => {
    const text = describeExit({
      code: 1,
      signal: null,
      stderrTail: ['one', '', 'two', 'three', 'four', 'five', 'six'],
      requested: false,
    });
    assert.equal(text, 'The Kube Replay server exited with code 1. Last output: four | five | six');
  });

  it('names the signal that stopped the server', () => {
    const text = describeExit({ code: null, signal: 'SIGKILL', stderrTail: [], requested: false });
    assert.equal(text, 'The Kube Replay server was stopped by signal SIGKILL.');
  });
});
