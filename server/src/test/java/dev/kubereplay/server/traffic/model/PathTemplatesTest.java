package dev.kubereplay.server.traffic.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubereplay.server.http.Urls;
import org.junit.jupiter.api.Test;

class PathTemplatesTest {

  @Test
  void ids_uuids_and_hashes_become_placeholders() {
    assertThat(PathTemplates.of("https://a.test/users/42/orders?page=2"))
        .isEqualTo("/users/{id}/orders");
    assertThat(PathTemplates.of("https://a.test/o/0b8f6c7a-1d2e-4f3a-9b8c-7d6e5f4a3b2c"))
        .isEqualTo("/o/{uuid}");
    assertThat(PathTemplates.of("https://a.test/blob/9f86d081884c7d659a2feaa0c55ad015"))
        .isEqualTo("/blob/{hash}");
    assertThat(PathTemplates.of("https://a.test/api/v2/cafe")).isEqualTo("/api/v2/cafe");
    assertThat(PathTemplates.of("https://a.test")).isEqualTo("/");
    assertThat(PathTemplates.of("https://a.test/a//b/")).isEqualTo("/a//b/");
  }

  @Test
  void hosts_keep_ports_that_are_not_the_default_and_drop_user_info() {
    assertThat(Urls.host("https://User:pw@Shop.Example.test:443/x")).isEqualTo("shop.example.test");
    assertThat(Urls.host("http://127.0.0.1:8080/x")).isEqualTo("127.0.0.1:8080");
    assertThat(Urls.host("http://[::1]:80/x")).isEqualTo("[::1]");
    assertThat(Urls.path("https://a.test/search?q=a|b c#top")).isEqualTo("/search");
    assertThat(Urls.query("https://a.test/search?q=a|b c#top")).isEqualTo("q=a|b c");
    assertThat(Urls.isHttp("data:image/png;base64,AAAA")).isFalse();
    assertThat(Urls.isHttp("wss://a.test/live")).isFalse();
  }
}
