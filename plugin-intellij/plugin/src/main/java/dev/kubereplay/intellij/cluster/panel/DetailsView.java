package dev.kubereplay.intellij.cluster.panel;

import dev.kubereplay.intellij.cluster.details.DetailsTable;
import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Component;
import java.awt.Font;
import javax.swing.BorderFactory;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTable;
import javax.swing.ListSelectionModel;
import javax.swing.SwingConstants;
import javax.swing.table.AbstractTableModel;
import javax.swing.table.DefaultTableCellRenderer;
import javax.swing.table.TableColumn;
import javax.swing.table.TableColumnModel;

/**
 * The details table of the selected node: a title, a banner (forbidden, stale, loading, live) and a
 * table with that view's columns. Wide tables scroll sideways; narrow ones fill the width.
 */
final class DetailsView extends JPanel {

  private static final int MAX_COLUMN_WIDTH = 420;
  private static final int ROWS_MEASURED = 200;

  private final JLabel title = new JLabel();
  private final JLabel banner = new JLabel();
  private DetailsTable shown = DetailsTable.empty(""); // before the table, which asks the model
  private final Model model = new Model();
  private final JTable table = new FittingTable(model);
  private final JScrollPane scroll = new JScrollPane(table);

  DetailsView() {
    super(new BorderLayout());
    title.setFont(title.getFont().deriveFont(Font.BOLD));
    title.setBorder(BorderFactory.createEmptyBorder(4, 6, 2, 6));
    banner.setBorder(BorderFactory.createEmptyBorder(0, 6, 4, 6));
    JPanel header = new JPanel(new BorderLayout());
    header.add(title, BorderLayout.NORTH);
    header.add(banner, BorderLayout.SOUTH);
    add(header, BorderLayout.NORTH);

    table.setAutoResizeMode(JTable.AUTO_RESIZE_OFF);
    table.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
    table.setFillsViewportHeight(true);
    table.setShowVerticalLines(false);
    table.setDefaultRenderer(Object.class, new CellRenderer());
    table.setRowHeight(
        Math.max(table.getRowHeight(), table.getFontMetrics(table.getFont()).getHeight() + 4));
    scroll.setColumnHeaderView(table.getTableHeader()); // also without a peer (headless)
    add(scroll, BorderLayout.CENTER);
  }

  void show(DetailsTable details) {
    boolean sameColumns = details.columns().equals(shown.columns());
    shown = details;
    title.setText(details.title());
    banner.setText(details.banner() != null ? details.banner() : "");
    banner.setVisible(details.banner() != null);
    banner.setForeground(Colors.text(details.bannerTone(), getForeground()));
    scroll.setVisible(!details.columns().isEmpty());
    if (sameColumns) {
      model.fireTableDataChanged();
    } else {
      model.fireTableStructureChanged();
    }
    fitColumns();
    if (details.selectedRow() >= 0 && details.selectedRow() < details.rows().size()) {
      table.setRowSelectionInterval(details.selectedRow(), details.selectedRow());
      table.scrollRectToVisible(table.getCellRect(details.selectedRow(), 0, true));
    } else {
      table.clearSelection();
    }
  }

  /** Each column as wide as its header and its widest cell (of the first rows), within limits. */
  private void fitColumns() {
    TableColumnModel columns = table.getColumnModel();
    int rows = Math.min(table.getRowCount(), ROWS_MEASURED);
    for (int c = 0; c < columns.getColumnCount(); c++) {
      TableColumn column = columns.getColumn(c);
      Component header =
          table
              .getTableHeader()
              .getDefaultRenderer()
              .getTableCellRendererComponent(table, column.getHeaderValue(), false, false, -1, c);
      int width = header.getPreferredSize().width;
      for (int r = 0; r < rows; r++) {
        Component cell = table.prepareRenderer(table.getCellRenderer(r, c), r, c);
        width = Math.max(width, cell.getPreferredSize().width);
      }
      width = Math.min(width + 14, MAX_COLUMN_WIDTH);
      column.setPreferredWidth(width);
      column.setWidth(width);
    }
  }

  JTable table() {
    return table;
  }

  JLabel title() {
    return title;
  }

  JLabel banner() {
    return banner;
  }

  DetailsTable shown() {
    return shown;
  }

  private final class Model extends AbstractTableModel {
    @Override
    public int getRowCount() {
      return shown.rows().size();
    }

    @Override
    public int getColumnCount() {
      return shown.columns().size();
    }

    @Override
    public String getColumnName(int column) {
      return shown.columns().get(column).name();
    }

    @Override
    public Object getValueAt(int row, int column) {
      return shown.rows().get(row).get(column);
    }

    @Override
    public boolean isCellEditable(int row, int column) {
      return false;
    }
  }

  private final class CellRenderer extends DefaultTableCellRenderer {
    @Override
    public Component getTableCellRendererComponent(
        JTable table, Object value, boolean selected, boolean focus, int row, int column) {
      DetailsTable.Cell cell = (DetailsTable.Cell) value;
      super.getTableCellRendererComponent(table, cell.text(), selected, false, row, column);
      Color normal = table.getForeground();
      if (!selected) {
        setForeground(shown.stale() ? Colors.secondary(normal) : Colors.text(cell.tone(), normal));
      }
      boolean numeric = shown.columns().get(column).numeric();
      setHorizontalAlignment(numeric ? SwingConstants.RIGHT : SwingConstants.LEFT);
      String tip = cell.tooltip() != null ? cell.tooltip() : cell.text();
      setToolTipText(tip.isEmpty() ? null : tip);
      setBorder(BorderFactory.createEmptyBorder(0, 6, 0, 6));
      return this;
    }
  }

  /** Fills the viewport when narrower than it (the last column takes the rest), else scrolls. */
  private static final class FittingTable extends JTable {
    FittingTable(AbstractTableModel model) {
      super(model);
    }

    @Override
    public boolean getScrollableTracksViewportWidth() {
      return getParent() != null && getPreferredSize().width < getParent().getWidth();
    }

    @Override
    public void doLayout() {
      super.doLayout();
      TableColumnModel columns = getColumnModel();
      int count = columns.getColumnCount();
      if (count == 0) {
        return;
      }
      int others = 0;
      for (int c = 0; c < count - 1; c++) {
        others += columns.getColumn(c).getWidth();
      }
      TableColumn last = columns.getColumn(count - 1);
      last.setWidth(Math.max(last.getPreferredWidth(), getWidth() - others));
    }
  }
}
