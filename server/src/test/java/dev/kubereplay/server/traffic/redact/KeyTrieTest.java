package dev.kubereplay.server.traffic.redact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The trie answers as the rules do, for names read backwards a character at a time. */
class KeyTrieTest {

  private static boolean matches(KeyTrie trie, String name) {
    int node = KeyTrie.root();
    boolean ending = false;
    for (int i = name.length() - 1; i >= 0; i--) {
      node = trie.step(node, name.charAt(i));
      ending |= trie.endingAt(node);
    }
    return ending || trie.keyAt(node);
  }

  @Test
  void whole_keys_and_key_endings_match_as_the_rules_say_whatever_the_separators() {
    RedactionRules rules = RedactionRules.defaults();
    KeyTrie trie = new KeyTrie(rules);
    List<String> names =
        List.of(
            "password",
            "Private-Key",
            "DB_PASSWORD",
            "x-amz-security-token",
            "token",
            "my_token",
            "tokens",
            "token_type",
            "nextPageToken",
            "passwordPolicy",
            "id",
            "");
    for (String name : names) {
      assertThat(matches(trie, name)).as(name).isEqualTo(rules.redactsKey(name));
    }
    assertThat(trie.complete()).isTrue();
  }

  @Test
  void a_key_that_is_not_ascii_leaves_the_trie_incomplete() {
    KeyTrie trie = new KeyTrie(new RedactionRules(Set.of(), List.of(), Set.of("m\u00f6tley")));

    assertThat(trie.complete()).isFalse();
  }
}
