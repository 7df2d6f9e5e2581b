import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  asksForEnvironment,
  defaultName,
  formatItems,
  importParams,
  parseHosts,
  redactKeysOf,
  startItems,
  validateHosts,
} from '../recordings/importOptions';

describe('import options', () => {
  it('imports with the server’s defaults when the user takes them', () => {
    assert.deepEqual(importParams('/work/shop.har'), { path: '/work/shop.har' });
    // What Enter leaves in each step: detect, the file name, no hosts.
    assert.deepEqual(
      importParams('/work/shop.har', { format: undefined, name: '  ', outboundHosts: '' }),
      { path: '/work/shop.har' },
    );
    assert.equal(defaultName('/work/traffic/shop.har'), 'shop.har');
  });

  it('sends the chosen format, name and outbound hosts', () => {
    assert.deepEqual(
      importParams('/work/shop.har', {
        format: 'har',
        name: ' checkout ',
        outboundHosts: 'payments.shop, https://api.stripe.com/v1/charges  payments.shop,,',
      }),
      {
        path: '/work/shop.har',
        format: 'har',
        name: 'checkout',
        outboundHosts: ['payments.shop', 'api.stripe.com'],
      },
    );
  });

  it('sends the keys of the redaction setting, trimmed, blanks and non-strings dropped', () => {
    assert.deepEqual(redactKeysOf([' card_number ', '', 'ssn', 7, null]), ['card_number', 'ssn']);
    assert.deepEqual(redactKeysOf(undefined), []);
    assert.deepEqual(importParams('/work/shop.har', { redactKeys: redactKeysOf(['ssn']) }), {
      path: '/work/shop.har',
      redactKeys: ['ssn'],
    });
    assert.equal(importParams('/work/shop.har', { redactKeys: [] }).redactKeys, undefined);
  });

  it('sends a Postman environment only for a Postman collection', () => {
    const environmentPath = '/work/staging.postman_environment.json';
    assert.equal(
      importParams('/work/shop.har', { format: 'har', environmentPath }).environmentPath,
      undefined,
    );
    assert.equal(
      importParams('/work/shop.json', { format: 'postman', environmentPath }).environmentPath,
      environmentPath,
    );
    // Detected: the file's name tells.
    assert.equal(asksForEnvironment('/work/shop.postman_collection.json', undefined), true);
    assert.equal(asksForEnvironment('/work/shop.json', undefined), false);
    assert.equal(asksForEnvironment('/work/shop.postman_collection.json', 'jsonl'), false);
  });

  it('takes hosts with ports and IP addresses, and names an entry that is no host', () => {
    assert.deepEqual(parseHosts(' 127.0.0.1:8080 http://[::1]:9000/x '), [
      '127.0.0.1:8080',
      '[::1]:9000',
    ]);
    assert.equal(validateHosts(''), undefined);
    assert.equal(validateHosts('payments.shop, 127.0.0.1:8080, [::1]:9000'), undefined);
    assert.equal(
      validateHosts('payments.shop, pay_ments!'),
      "'pay_ments!' is not a host name: enter hosts like payments.shop or 127.0.0.1:8080.",
    );
    assert.match(validateHosts('-shop.') ?? '', /'-shop\.' is not a host name/);
  });

  it('offers the defaults first, so an import takes one pick', () => {
    const [defaults, options] = startItems('/work/shop.har');
    assert.equal(defaults?.label, 'Import with defaults');
    assert.equal(defaults.options, false);
    assert.match(defaults.detail, /named shop\.har/);
    assert.equal(options?.options, true);
  });

  it('offers detecting the format first, then every format the server reads', () => {
    const items = formatItems();
    assert.equal(items[0]?.label, 'Detect from the file');
    assert.equal(items[0].format, undefined);
    assert.deepEqual(
      items.slice(1).map((item) => item.format),
      ['har', 'postman', 'jsonl', 'wiremock', 'speedscale'],
    );
  });
});
