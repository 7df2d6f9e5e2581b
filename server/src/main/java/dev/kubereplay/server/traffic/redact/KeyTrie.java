package dev.kubereplay.server.traffic.redact;

import java.util.Arrays;

/**
 * The keys to redact, for matching a name read backwards one letter or digit at a time, without
 * building the name: the byte scan of JSON bodies and {@code name=value} in text ask it at every
 * candidate, so it must cost next to nothing for names that are not keys. Matches what {@link
 * RedactionRules#redactsNormalizedKey} matches, for keys of ASCII letters and digits.
 */
final class KeyTrie {

  /** Where a walk is when the name read so far cannot end any key. */
  static final int NONE = -1;

  private int[][] next = new int[16][];
  private boolean[] key = new boolean[16];
  private boolean[] ending = new boolean[16];
  private int size = 1;

  /** Whether every key and ending is ASCII letters and digits, which the walk can match. */
  private final boolean complete;

  KeyTrie(RedactionRules rules) {
    boolean ascii = true;
    for (String name : rules.keys()) {
      ascii &= add(name, false);
    }
    for (String name : rules.keyEndings()) {
      ascii &= add(name, true);
    }
    this.complete = ascii;
  }

  /** Whether the trie knows every key: if not, names must be matched by the rules themselves. */
  boolean complete() {
    return complete;
  }

  /** The walk's start: nothing read yet. */
  static int root() {
    return 0;
  }

  /**
   * The walk after one more character, read from the name's end towards its start; characters other
   * than ASCII letters and digits are separators and change nothing.
   */
  int step(int node, int c) {
    if (node == NONE) {
      return NONE;
    }
    int index = index(c);
    if (index < 0) {
      return node;
    }
    int[] children = next[node];
    return children == null || children[index] == 0 ? NONE : children[index];
  }

  /** Whether the name read so far ends in a key ending (the rest of it does not matter). */
  boolean endingAt(int node) {
    return node != NONE && ending[node];
  }

  /** Whether the whole name, read to its start, is a key or ends in a key ending. */
  boolean keyAt(int node) {
    return node != NONE && (key[node] || ending[node]);
  }

  private boolean add(String name, boolean isEnding) {
    int node = 0;
    for (int i = name.length() - 1; i >= 0; i--) {
      int index = index(name.charAt(i));
      if (index < 0) {
        return false;
      }
      if (next[node] == null) {
        next[node] = new int[36];
      }
      if (next[node][index] == 0) {
        if (size == next.length) {
          next = Arrays.copyOf(next, size * 2);
          key = Arrays.copyOf(key, size * 2);
          ending = Arrays.copyOf(ending, size * 2);
        }
        next[node][index] = size++;
      }
      node = next[node][index];
    }
    if (isEnding) {
      ending[node] = true;
    } else {
      key[node] = true;
    }
    return true;
  }

  /** a-z (and A-Z) as 0-25, 0-9 as 26-35, -1 for anything else. */
  private static int index(int c) {
    if (c >= 'a' && c <= 'z') {
      return c - 'a';
    }
    if (c >= 'A' && c <= 'Z') {
      return c - 'A';
    }
    if (c >= '0' && c <= '9') {
      return 26 + c - '0';
    }
    return -1;
  }
}
