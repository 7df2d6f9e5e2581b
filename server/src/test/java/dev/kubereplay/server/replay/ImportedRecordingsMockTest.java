package dev.kubereplay.server.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubereplay.server.http.HopByHop;
import dev.kubereplay.server.http.Urls;
import dev.kubereplay.server.replay.AppClients.Way;
import dev.kubereplay.server.replay.match.Leniency;
import dev.kubereplay.server.replay.match.Matcher;
import dev.kubereplay.server.replay.responder.RecordingAnswers;
import dev.kubereplay.server.replay.responder.Timing;
import dev.kubereplay.server.traffic.ImportRequest;
import dev.kubereplay.server.traffic.TrafficService;
import dev.kubereplay.server.traffic.model.Direction;
import dev.kubereplay.server.traffic.model.Header;
import dev.kubereplay.server.traffic.model.RRPair;
import dev.kubereplay.server.traffic.sources.TrafficSamples;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import okhttp3.Headers;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Recordings made by other tools, imported into a real store with their outbound hosts marked, are
 * answered by the mocks as recorded, whichever way the app reaches them: every recorded outbound
 * call is sent as the app sent it, and its status, headers and body come back as recorded.
 */
class ImportedRecordingsMockTest {

  @TempDir Path dir;
  private TrafficService traffic;
  private MockService service;
  private final List<RecordingAnswers.Event> log = new CopyOnWriteArrayList<>();

  @BeforeEach
  void open() {
    traffic = TrafficService.open(dir.resolve("data"));
    service = new MockService(traffic, dir.resolve("data"));
  }

  @AfterEach
  void close() {
    service.close();
  }

  @Test
  void a_proxymock_raw_jsonl_recording_is_answered_as_recorded_every_way_in() throws IOException {
    assertAnsweredAsRecorded("speedscale/raw.jsonl", Set.of(), pair -> true, 3);
  }

  @Test
  void a_har_recording_is_answered_as_recorded_every_way_in() throws IOException {
    assertAnsweredAsRecorded(
        "chromium-shop.har",
        Set.of("shop.example.test", "cdn.example.test", "payments.example.test"),
        pair -> true,
        8);
  }

  @Test
  void wiremock_mappings_of_one_url_are_answered_as_recorded_every_way_in() throws IOException {
    assertAnsweredAsRecorded(
        "wiremock/shop",
        Set.of("shop.example.test"),
        pair -> pair.tags().getOrDefault("wiremock.match", "exact").equals("exact"),
        4);
  }

  /** URLs an app sends that fit the sample's stubs recorded for a pattern or a template. */
  private static final java.util.Map<String, String> FITTING =
      java.util.Map.of(
          "/stock/[A-Z]-[0-9]+\\?warehouse=.*", "/stock/B-7?warehouse=east",
          "/legacy/.*", "/legacy/old/checkout",
          "/reports/{id}", "/reports/17",
          "/api/orders/search/[a-z]+", "/api/orders/search/shoes");

  @Test
  void wiremock_mappings_for_url_patterns_and_templates_answer_the_urls_they_fit()
      throws IOException {
    assertAnsweredAsRecorded(
        "wiremock/shop",
        Set.of("shop.example.test"),
        pair -> !pair.tags().getOrDefault("wiremock.match", "exact").equals("exact"),
        -1,
        pathQuery -> {
          String fitting = FITTING.get(pathQuery);
          if (fitting == null && pathQuery.contains("?")) {
            // a path pattern with query parameters of its own: the same query, a fitting path
            int query = pathQuery.indexOf('?');
            String path = FITTING.get(pathQuery.substring(0, query));
            fitting = path == null ? null : path + pathQuery.substring(query);
          }
          assertThat(fitting).as("a URL that fits " + pathQuery).isNotNull();
          return fitting;
        });
  }

  private void assertAnsweredAsRecorded(
      String sample, Set<String> outboundHosts, Predicate<RRPair> sent, int calls)
      throws IOException {
    assertAnsweredAsRecorded(sample, outboundHosts, sent, calls, pathQuery -> pathQuery);
  }

  private void assertAnsweredAsRecorded(
      String sample,
      Set<String> outboundHosts,
      Predicate<RRPair> sent,
      int expectedCalls,
      java.util.function.UnaryOperator<String> asSentBy)
      throws IOException {
    Path file = TrafficSamples.copy(dir, sample);
    String snapshot =
        traffic
            .importFile(
                new ImportRequest(file, null, sample, outboundHosts, 0, List.of(), null),
                TrafficService.ImportListener.NONE,
                () -> false)
            .snapshot()
            .id();
    List<RRPair> recorded = new ArrayList<>();
    traffic
        .recordedPairs()
        .forEach(
            snapshot,
            Direction.OUT,
            stored -> {
              if (stored.pair().hasResponse()
                  && Urls.isHttp(stored.pair().url())
                  && sent.test(stored.pair())) {
                recorded.add(stored.pair());
              }
            });
    if (expectedCalls >= 0) {
      assertThat(recorded).as("outbound calls imported from " + sample).hasSize(expectedCalls);
    } else {
      assertThat(recorded).as("outbound calls imported from " + sample).isNotEmpty();
    }
    int calls = recorded.size();
    MockService.Running mocks =
        service.start(
            snapshot,
            new MockService.Options(
                new InetSocketAddress("127.0.0.1", 0),
                false,
                Timing.NONE,
                Leniency.DEFAULT,
                1024 * 1024),
            log::add);

    SoftAssertions softly = new SoftAssertions();
    for (Way way : Way.values()) {
      OkHttpClient app = AppClients.client(way, mocks.address(), service.ca());
      for (RRPair pair : recorded) {
        String url =
            AppClients.url(
                way, mocks.address(), Urls.host(pair.url()), asSentBy.apply(pathQuery(pair.url())));
        String call = way + ": " + pair.method() + " " + url;
        try (Response response = app.newCall(asSent(pair, url)).execute()) {
          softly.assertThat(response.code()).as(call + " status").isEqualTo(pair.status());
          softly
              .assertThat(response.header(RecordingAnswers.MARK))
              .as(call + " marked as the mocks' own answer")
              .isNull();
          for (Header header : endToEnd(pair.responseHeaders())) {
            softly
                .assertThat(response.headers(header.name()))
                .as(call + " header " + header.name())
                .contains(header.value());
          }
          softly
              .assertThat(response.header("Content-Encoding"))
              .as(call + " content coding")
              .isEqualTo(pair.responseBodyEncoding());
          softly
              .assertThat(response.body().bytes())
              .as(call + " body")
              .isEqualTo(pair.responseBody());
        }
      }
    }
    softly.assertAll();
    assertThat(log)
        .as("the mock log")
        .hasSize(Way.values().length * calls)
        .allSatisfy(event -> assertThat(event.outcome()).isInstanceOf(Matcher.Hit.class));
  }

  /** The request as the app sends it: recorded method, end-to-end headers and body. */
  private static Request asSent(RRPair pair, String url) {
    Headers.Builder headers = new Headers.Builder();
    boolean acceptEncoding = false;
    for (Header header : endToEnd(pair.requestHeaders())) {
      if (header.name().equalsIgnoreCase("Host") || header.name().startsWith(":")) {
        continue;
      }
      headers.addUnsafeNonAscii(header.name(), header.value());
      acceptEncoding |= header.name().equalsIgnoreCase("Accept-Encoding");
    }
    if (!acceptEncoding) {
      // else OkHttp asks for gzip itself and hides the coding the recording answers with
      headers.add("Accept-Encoding", "identity");
    }
    String method = pair.method().toUpperCase(Locale.ROOT);
    boolean needsBody = Set.of("POST", "PUT", "PATCH").contains(method);
    RequestBody body =
        pair.requestBody().length > 0 || needsBody ? RequestBody.create(pair.requestBody()) : null;
    return new Request.Builder().url(url).headers(headers.build()).method(method, body).build();
  }

  /** Without hop-by-hop headers and lengths, which belong to one connection. */
  private static List<Header> endToEnd(List<Header> headers) {
    List<String> connection = new ArrayList<>();
    headers.stream()
        .filter(h -> h.name().equalsIgnoreCase("Connection"))
        .forEach(h -> connection.add(h.value()));
    HopByHop hop = new HopByHop(connection);
    return headers.stream()
        .filter(h -> !hop.contains(h.name()))
        .filter(h -> !h.name().equalsIgnoreCase("Content-Length"))
        .filter(h -> !h.name().equalsIgnoreCase("Content-Encoding"))
        .toList();
  }

  private static String pathQuery(String url) {
    String path = Urls.path(url);
    String query = Urls.query(url);
    return (path.isEmpty() ? "/" : path) + (query == null || query.isEmpty() ? "" : "?" + query);
  }
}
