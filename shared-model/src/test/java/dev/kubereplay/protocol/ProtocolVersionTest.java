package dev.kubereplay.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubereplay.protocol.initialize.InitializeParams;
import dev.kubereplay.protocol.initialize.InitializeResponse;
import dev.kubereplay.protocol.initialize.ProtocolVersion;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ProtocolVersionTest {

  @Test
  void reads_and_writes_major_dot_minor() {
    assertThat(ProtocolVersion.parse("1.3")).isEqualTo(new ProtocolVersion(1, 3));
    assertThat(ProtocolVersion.parse("12.0").toString()).isEqualTo("12.0");
    assertThat(ProtocolVersion.parse(ProtocolVersion.CURRENT.toString()))
        .isEqualTo(ProtocolVersion.CURRENT);
  }

  @Test
  void a_peer_that_sends_no_version_speaks_major_1() {
    assertThat(ProtocolVersion.parse(null)).isEqualTo(ProtocolVersion.UNVERSIONED);
    assertThat(ProtocolVersion.UNVERSIONED.compatibleWith(ProtocolVersion.CURRENT)).isTrue();
  }

  @Test
  void text_that_is_not_major_dot_minor_is_refused_naming_it() {
    for (String bad : new String[] {"", "1", "1.", ".3", "v1.3", "1.3.0", "-1.2", "1.x", "+1.2"}) {
      assertThatThrownBy(() -> ProtocolVersion.parse(bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("'" + bad + "'")
          .hasMessageContaining("major.minor");
    }
  }

  @Test
  void only_the_same_major_is_compatible_whatever_the_minor() {
    ProtocolVersion current = new ProtocolVersion(1, 3);
    assertThat(current.compatibleWith(new ProtocolVersion(1, 0))).isTrue();
    assertThat(current.compatibleWith(new ProtocolVersion(1, 99))).isTrue();
    assertThat(current.compatibleWith(new ProtocolVersion(2, 0))).isFalse();
    assertThat(current.compatibleWith(new ProtocolVersion(0, 9))).isFalse();
  }

  @Test
  void clients_and_servers_of_this_build_send_the_current_version() {
    assertThat(new InitializeParams(null, null).protocolVersion())
        .isEqualTo(ProtocolVersion.CURRENT.toString());
    assertThat(new InitializeResponse(null, null).protocolVersion())
        .isEqualTo(ProtocolVersion.CURRENT.toString());
  }

  @Test
  void error_codes_are_distinct() {
    assertThat(Arrays.stream(ErrorCode.values()).map(ErrorCode::code)).doesNotHaveDuplicates();
  }
}
