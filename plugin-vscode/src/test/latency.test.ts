import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bar, bucketLabel, chartLines, histogramTotal, sparkline } from '../recordings/latency';
import { endpointNodes, render } from '../recordings/model';
import type { EndpointDto, HostEndpointsDto, LatencyHistogramDto } from '../rpc/protocol';
import { first } from './recordingsFixtures';

/** 120 durations of 5–10 ms, none of 10–20, one of 20–50 and 30 of 50–100. */
const SPREAD: LatencyHistogramDto = { boundsMillis: [5, 10, 20, 50, 100], counts: [120, 0, 1, 30] };

const FULL = '████████████████████████';
const NONE = '                        ';

describe('a latency sparkline', () => {
  it('scales each bucket to the largest, from ▁ to █', () => {
    const counts = [1, 2, 3, 4, 5, 6, 7, 8];
    const boundsMillis = [0, 1, 2, 5, 10, 20, 50, 100, 200];
    assert.equal(sparkline({ boundsMillis, counts }), '▁▂▃▄▅▆▇█');
    // The histogram of the protocol's sample.
    assert.equal(sparkline({ boundsMillis: [5, 10, 20, 50, 100], counts: [4, 11, 12, 3] }), '▃██▂');
  });

  it('draws an empty bucket as a blank and a small non-empty one as ▁', () => {
    assert.equal(sparkline(SPREAD), '█ ▁▂');
    assert.equal(sparkline({ boundsMillis: [50, 100, 200, 500], counts: [2, 0, 4] }), '▄ █');
    assert.equal(sparkline({ boundsMillis: [5, 10, 20], counts: [8, 1] }), '█▁');
  });

  it('is a full block for a single bucket', () => {
    assert.equal(sparkline({ boundsMillis: [100, 200], counts: [1] }), '█');
  });
});

describe('a latency bucket’s label', () => {
  it('names ranges below a second in ms', () => {
    assert.equal(bucketLabel(0, 1), '0–1 ms');
    assert.equal(bucketLabel(5, 10), '5–10 ms');
    assert.equal(bucketLabel(200, 500), '200–500 ms');
  });

  it('names ranges from a second on in s, and the one between in both', () => {
    assert.equal(bucketLabel(500, 1000), '500 ms–1 s');
    assert.equal(bucketLabel(1000, 2000), '1–2 s');
    assert.equal(bucketLabel(5000, 10_000), '5–10 s');
    assert.equal(bucketLabel(20_000, 50_000), '20–50 s');
  });
});

describe('a latency bar chart', () => {
  it('draws bars in proportion to the largest, which is 24 blocks long', () => {
    assert.equal(bar(24, 24), FULL);
    assert.equal(bar(12, 24), '████████████');
    assert.equal(bar(30, 120), '██████');
  });

  it('draws eighths of a block', () => {
    // 3/16 of 24 blocks: 4½.
    assert.equal(bar(3, 16), '████▌');
    assert.equal(bar(5, 64), '█▉'); // 15 eighths
    assert.equal(bar(11, 192), '█▍'); // 11 eighths
    assert.equal(bar(65, 165), '█████████▌'); // 9.45 blocks, to the nearest eighth 9½
  });

  it('gives a small non-zero count one block and a zero count none', () => {
    assert.equal(bar(1, 1000), '█');
    assert.equal(bar(1, 192), '█'); // an eighth: still a whole block
    assert.equal(bar(0, 1000), '');
  });

  it('puts each bucket on a line: its range, its bar and its count, in columns', () => {
    assert.deepEqual(chartLines(SPREAD), [
      `  5–10 ms  ${FULL}  120`,
      ` 10–20 ms  ${NONE}    0`,
      ' 20–50 ms  █                           1',
      '50–100 ms  ██████                     30',
    ]);
  });

  it('labels seconds and writes large counts with separators', () => {
    assert.deepEqual(chartLines({ boundsMillis: [200, 500, 1000, 2000], counts: [12_345, 0, 3] }), [
      `200–500 ms  ${FULL}  12,345`,
      `500 ms–1 s  ${NONE}       0`,
      `     1–2 s  █                              3`,
    ]);
  });

  it('counts the durations it holds', () => {
    assert.equal(histogramTotal(SPREAD), 151);
  });
});

describe('an endpoint row’s latency', () => {
  const endpoint = (dto: EndpointDto) => {
    const host: HostEndpointsDto = {
      host: 'api.shop',
      inCount: dto.inCount,
      outCount: dto.outCount,
      endpoints: [dto],
    };
    return render(first(endpointNodes('snap-1', host)));
  };
  const markdown = (row: ReturnType<typeof render>) => {
    assert.notEqual(typeof row.tooltip, 'string', 'the tooltip is Markdown');
    return typeof row.tooltip === 'string' ? row.tooltip : row.tooltip.markdown;
  };
  const timed: EndpointDto = {
    method: 'GET',
    pathTemplate: '/orders/{id}',
    inCount: 150,
    outCount: 1,
    medianMillis: 8,
    p95Millis: 60,
    maxMillis: 95,
    latency: SPREAD,
  };

  it('ends the description with the sparkline, after the percentiles', () => {
    assert.equal(endpoint(timed).description, '151 · p50 8 ms · p95 60 ms · max 95 ms · █ ▁▂');
  });

  it('charts the histogram in the tooltip, under the endpoint and its pairs', () => {
    assert.equal(
      markdown(endpoint(timed)),
      [
        'GET api\\.shop/orders/\\{id\\}',
        '',
        'Pairs: IN 150 · OUT 1',
        '',
        '```text',
        `  5–10 ms  ${FULL}  120`,
        ` 10–20 ms  ${NONE}    0`,
        ' 20–50 ms  █                           1',
        '50–100 ms  ██████                     30',
        '```',
        '',
        'Latency: p50 8 ms · p95 60 ms · max 95 ms \\(151 pairs\\)',
      ].join('\n'),
    );
  });

  it('counts the pairs the chart holds, which may be fewer than the endpoint’s', () => {
    const row = endpoint({
      ...timed,
      inCount: 2,
      outCount: 0,
      medianMillis: 120,
      p95Millis: 120,
      maxMillis: 120,
      latency: { boundsMillis: [100, 200], counts: [1] },
    });
    assert.equal(row.description, '2 · p50 120 ms · p95 120 ms · max 120 ms · █');
    assert.match(markdown(row), /```text\n100–200 ms {2}█{24} {2}1\n```/);
    assert.match(markdown(row), /\nLatency: p50 120 ms · p95 120 ms · max 120 ms \\\(1 pair\\\)$/);
  });

  it('shows no sparkline and no chart without durations', () => {
    const untimed: EndpointDto = {
      method: 'POST',
      pathTemplate: '/charges',
      inCount: 0,
      outCount: 3,
    };
    const row = endpoint(untimed);
    assert.equal(row.description, '3');
    assert.equal(markdown(row), 'POST api\\.shop/charges\n\nPairs: IN 0 · OUT 3');
  });

  it('keeps the percentiles of a server that sends no histogram, as they were', () => {
    const row = endpoint({ ...timed, latency: undefined });
    assert.equal(row.description, '151 · p50 8 ms · p95 60 ms · max 95 ms');
    assert.equal(
      markdown(row),
      'GET api\\.shop/orders/\\{id\\}\n\nPairs: IN 150 · OUT 1\n\nLatency: p50 8 ms · p95 60 ms · max 95 ms',
    );
    assert.doesNotMatch(markdown(row), /```/);
  });
});
