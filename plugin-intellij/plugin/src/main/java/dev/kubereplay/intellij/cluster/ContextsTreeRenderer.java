package dev.kubereplay.intellij.cluster;

import dev.kubereplay.protocol.cluster.AuthKind;
import dev.kubereplay.protocol.cluster.KubeContextDto;
import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Component;
import java.awt.Font;
import javax.swing.BorderFactory;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JTree;
import javax.swing.UIManager;
import javax.swing.tree.DefaultMutableTreeNode;
import javax.swing.tree.TreeCellRenderer;

/**
 * One row: an icon and a name, then secondary text in grey. The current context's name is bold and
 * its dot filled; the tooltip tells where the context points.
 */
final class ContextsTreeRenderer implements TreeCellRenderer {

  private static final Color ERROR_COLOR = new Color(0xD64541);

  private final JPanel row =
      new JPanel() {
        @Override
        public void setBounds(int x, int y, int width, int height) {
          super.setBounds(x, y, width, height);
          doLayout(); // also without a peer (headless painting), where validate() does nothing
        }
      };
  final JLabel name = new JLabel();
  final JLabel detail = new JLabel();

  ContextsTreeRenderer() {
    row.setLayout(new BorderLayout()); // no cached sizes: the same panel renders every row
    row.setBorder(BorderFactory.createEmptyBorder(1, 2, 1, 4));
    name.setIconTextGap(4);
    detail.setBorder(BorderFactory.createEmptyBorder(0, 8, 0, 0));
    row.add(name, BorderLayout.WEST);
    row.add(detail, BorderLayout.CENTER);
  }

  @Override
  public Component getTreeCellRendererComponent(
      JTree tree,
      Object value,
      boolean selected,
      boolean expanded,
      boolean leaf,
      int rowIndex,
      boolean hasFocus) {
    Font font = tree.getFont();
    Color foreground = selected ? color("Tree.selectionForeground", tree) : tree.getForeground();
    row.setOpaque(selected);
    row.setBackground(color("Tree.selectionBackground", tree));
    name.setFont(font);
    name.setForeground(foreground);
    detail.setFont(font);
    detail.setForeground(selected ? foreground : secondary(tree));
    row.setToolTipText(null);

    Object node = value instanceof DefaultMutableTreeNode n ? n.getUserObject() : value;
    if (node instanceof ContextsNode.Root root) {
      show(StatusIcon.ROOT, root.title(), Font.BOLD, root.detail());
    } else if (node instanceof ContextsNode.Context context) {
      KubeContextDto dto = context.context();
      show(
          dto.current() ? StatusIcon.CURRENT : StatusIcon.CONTEXT,
          dto.name(),
          dto.current() ? Font.BOLD : Font.PLAIN,
          dto.namespace() + " · " + dto.cluster() + (dto.current() ? " · current" : ""));
      row.setToolTipText(tooltip(dto));
    } else if (node instanceof ContextsNode.Error error) {
      show(StatusIcon.ERROR, error.title(), Font.BOLD, error.message().replace('\n', ' '));
      if (!selected) {
        name.setForeground(ERROR_COLOR);
      }
      row.setToolTipText(html("<b>" + escape(error.title()) + "</b><br>" + lines(error.message())));
    } else if (node instanceof ContextsNode.Message message) {
      show(null, message.text(), Font.ITALIC, "");
    } else {
      show(null, "", Font.PLAIN, "");
    }
    return row;
  }

  /** Where a context points: server URL, user and how it authenticates, and its file. */
  static String tooltip(KubeContextDto context) {
    return html(
        "<b>"
            + escape(context.name())
            + "</b>"
            + (context.current() ? " (current context)" : "")
            + "<br>Server: "
            + escape(context.server() != null ? context.server() : "unknown (no cluster entry)")
            + "<br>Cluster: "
            + escape(context.cluster())
            + "<br>User: "
            + escape(context.user())
            + " ("
            + authText(context.authKind())
            + ")"
            + "<br>Namespace: "
            + escape(context.namespace())
            + "<br>Defined in: "
            + escape(context.sourceFile()));
  }

  static String authText(AuthKind kind) {
    if (kind == null) {
      return "unknown auth";
    }
    return switch (kind) {
      case CLIENT_CERTIFICATE -> "client certificate";
      case TOKEN -> "bearer token";
      case BASIC -> "user name and password";
      case EXEC -> "exec plugin";
      case AUTH_PROVIDER -> "auth provider";
      case NONE -> "no credentials";
    };
  }

  private void show(StatusIcon icon, String text, int style, String secondary) {
    name.setIcon(icon);
    name.setText(text);
    name.setFont(name.getFont().deriveFont(style));
    detail.setText(secondary);
    detail.setVisible(!secondary.isEmpty());
  }

  private static Color secondary(JTree tree) {
    Color disabled = UIManager.getColor("Label.disabledForeground");
    return disabled != null ? disabled : tree.getForeground().brighter();
  }

  private static Color color(String key, JTree tree) {
    Color color = UIManager.getColor(key);
    return color != null ? color : tree.getForeground();
  }

  private static String html(String body) {
    return "<html>" + body + "</html>";
  }

  private static String lines(String text) {
    return escape(text).replace("\n", "<br>");
  }

  static String escape(String text) {
    if (text == null) {
      return "";
    }
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
